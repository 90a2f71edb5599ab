"""A reproducible benchmark of the language check on one big page per language.

The page's words are drawn from the locale's evaluation sentences (tests/language_check/
evaluation), so the text has that language's vocabulary, inflections and flagged wordings,
not a few repeated English words."""

import random
import time

from wagtail.models import Locale

from home.language_check import evaluation
from home.language_check.engine import check_page, invalidate_rules
from home.models import StandardPage

PARAGRAPH_WORDS = 200


FLAGGED_EVERY = 1_000  # words of a typical page per sentence the guides warn against


def vocabulary(language, label=None):
    """The evaluation sentences of ``language`` (only those labelled ``label`` if given),
    as lists of words."""
    files = evaluation.set_files(locale=language)
    rows = [row for file in files for row in evaluation.read_rows(file)]
    return [row.sentence.split() for row in rows if label is None or row.label == label]


def build_page(words, language="en", seed=1, dense=False):
    """An unsaved StandardPage with ``words`` words of body text in paragraphs of 200 (with a
    link in each, whose target the check must not read), made of the language's evaluation
    sentences in a shuffled order: a typical page is the clean sentences (prose about
    mental health and suicide prevention) with one sentence the guides warn against in
    every 1,000 words; a dense page is every sentence of the set, most of them flagged."""
    rng = random.Random(seed)  # noqa: S311 - not for security
    clean = vocabulary(language, None if dense else evaluation.CLEAN)
    flagged = vocabulary(language, evaluation.FLAG)
    paragraphs = []
    written = 0
    next_flag = FLAGGED_EVERY // 2
    while written < words:
        chunk = []
        while len(chunk) < min(PARAGRAPH_WORDS, words - written):
            if not dense and written + len(chunk) >= next_flag:
                chunk.extend(rng.choice(flagged))
                next_flag += FLAGGED_EVERY
            else:
                chunk.extend(rng.choice(clean))
        chunk = chunk[: min(PARAGRAPH_WORDS, words - written)]
        written += len(chunk)
        paragraphs.append(
            ("paragraph", "<p>" + " ".join(chunk) + ' <a href="https://crazy.example">x</a></p>')
        )
    locale = Locale.objects.get_or_create(language_code=language)[0]
    return StandardPage(title="Benchmark", slug="benchmark", locale=locale, body=paragraphs)


def run_benchmark(words=50_000, language="en", runs=5, dense=False):
    """Check one page of ``words`` words: the first check (rules compiled, every word form
    read and lemmatised for the first time in this process) and the best of ``runs``
    checks after it (forms cached)."""
    page = build_page(words, language, dense=dense)
    invalidate_rules()
    started = time.perf_counter()
    findings = check_page(page, accepted=frozenset())
    first = time.perf_counter() - started
    timings = []
    cpu = []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        check_page(page, accepted=frozenset())
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {
        "words": words,
        "findings": len(findings),
        "first": first,
        "best": min(timings),
        # Processor time: what the check costs, whatever else the machine is running.
        "best_cpu": min(cpu),
        "runs": runs,
    }
