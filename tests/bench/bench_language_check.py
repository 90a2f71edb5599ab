"""The language & safe-messaging check on a 50,000-word page, per rule-set language."""

WORDS = 50_000


def run(bench):
    from home.language_check.bench import run_benchmark

    for language in ("en", "fr", "de", "uk"):
        result = run_benchmark(WORDS, language)
        bench.note(
            f"{language}: {result['words']:,} words, {result['findings']} findings: "
            f"{result['first'] * 1000:.0f} ms with compiling the rules, "
            f"{result['best'] * 1000:.0f} ms cached (best of {result['runs']})"
        )
