"""A reproducible benchmark of the language check on one big page."""

import random
import time

from wagtail.models import Locale

from home.language_check.engine import check_page, invalidate_rules
from home.models import StandardPage

FILLER = [
    *[
        "people",
        "talk",
        "openly",
        "about",
        "mental",
        "health",
        "at",
        "work",
        "school",
        "and",
        "home",
        "with",
        "friends",
    ],
    *["family", "neighbours", "colleagues", "support", "recovery", "hope", "listening", "kindness"],
    *["community", "services", "campaign", "week", "partners", "stories", "lived", "experience"],
]
FLAGGED = ["committed suicide", "crazy", "suffers from", "psycho"]


def build_page(words, language="en", seed=1):
    """An unsaved StandardPage with ``words`` words of body text in paragraphs of 200."""
    rng = random.Random(seed)  # noqa: S311 - not for security
    paragraphs = []
    for start in range(0, words, 200):
        chunk = [rng.choice(FILLER) for _ in range(min(200, words - start))]
        if start % 10_000 == 0:
            chunk[10:12] = rng.choice(FLAGGED).split()
        paragraphs.append(
            ("paragraph", "<p>" + " ".join(chunk) + ' <a href="https://crazy.example">x</a></p>')
        )
    locale = Locale.objects.get_or_create(language_code=language)[0]
    page = StandardPage(title="Benchmark", slug="benchmark", locale=locale, body=paragraphs)
    return page


def run_benchmark(words=50_000, language="en", runs=5):
    page = build_page(words, language)
    invalidate_rules()
    started = time.perf_counter()
    findings = check_page(page, accepted=frozenset())
    first = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        check_page(page, accepted=frozenset())
        timings.append(time.perf_counter() - started)
    return {
        "words": words,
        "findings": len(findings),
        "first": first,
        "best": min(timings),
        "runs": runs,
    }
