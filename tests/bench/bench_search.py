"""Site search with 20,000 indexed pages in four languages (14,000 English, 2,000 each in
French, German and Ukrainian): one search results page for each of ten queries.

The pages go in with bulk inserts (tests.bulk) and are indexed with one call to the search
backend, which stems and writes them in batches, so the set-up takes a minute or two
rather than the hours `add_child` would."""

import random
import time
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from wagtail.models import Locale

from tests.bench.site import english_home
from tests.bulk import bulk_pages

PAGES = {"en": 14_000, "fr": 2_000, "de": 2_000, "uk": 2_000}
SENTENCES = {
    "en": [
        "Stigma stops many people from asking for help.",
        "Talking openly about mental health reduces stigma at work.",
        "Depression is common and treatable, and recovery takes time.",
        "Feeling depressed for weeks is a reason to talk to a doctor.",
        "An anxiety attack can feel frightening, but it passes.",
        "Eating disorders affect people of every age and background.",
        "Peer support groups meet every week in community centres.",
        "Young people often first talk to friends about their worries.",
        "Employers can make reasonable adjustments for their staff.",
        "Sleep, exercise and routine help many people cope with stress.",
        "People with lived experience co-create every campaign.",
        "Crisis helplines answer the phone day and night.",
    ],
    "fr": [
        "La stigmatisation empêche beaucoup de personnes de demander de l'aide.",
        "La dépression est fréquente et se soigne.",
        "Les groupes d'entraide se réunissent chaque semaine.",
        "Parler ouvertement de santé mentale au travail change les regards.",
    ],
    "de": [
        "Stigmatisierung hält viele Menschen davon ab, Hilfe zu suchen.",
        "Eine Depression ist häufig und gut behandelbar.",
        "Selbsthilfegruppen treffen sich jede Woche im Gemeindezentrum.",
        "Offen über psychische Gesundheit zu sprechen, hilft allen.",
    ],
    "uk": [
        "Стигма заважає багатьом людям звертатися по допомогу.",
        "Депресія поширена, і її можна лікувати.",
        "Групи підтримки збираються щотижня в громадських центрах.",
        "Відверта розмова про психічне здоров'я допомагає всім.",
    ],
}
TOPICS = {
    "en": ["Stigma", "Depression", "Anxiety", "Eating disorders", "Recovery", "Loneliness"],
    "fr": ["Stigmatisation", "Dépression", "Anxiété", "Rétablissement"],
    "de": ["Stigma", "Depression", "Angst", "Genesung"],
    "uk": ["Стигма", "Депресія", "Тривога", "Одужання"],
}
QUERIES = [
    ("en", "stigma"),
    ("en", "depressed"),
    ("en", "anxiety attack"),
    ("en", "eating disorder"),
    ("fr", "dépressions"),
    ("de", "Depressionen"),
    ("uk", "депресії"),
    ("en", "zyxwvut"),
    ("en", "stigma " * 1430),
    ("en", "a"),
]


def _home(english, code):
    """The home page in ``code``: a live translation of the English one."""
    from home.models import HomePage

    home = HomePage.objects.filter(locale__language_code=code).first()
    if home is None:
        home = english.copy_for_translation(Locale.objects.get(language_code=code))
        home.save_revision().publish()
    return home


def _bulk_pages(home, count, code, rng):
    """Add ``count`` live standard pages with text in ``code`` under ``home``."""
    from home.models import StandardPage

    def page(number):
        text = " ".join(rng.choices(SENTENCES[code], k=6))
        return {
            "title": f"{rng.choice(TOPICS[code])}: {rng.choice(SENTENCES[code])[:40]} {number}",
            "slug": f"search-bench-{number}",
            "summary": rng.choice(SENTENCES[code]),
            "body": [{"type": "paragraph", "value": f"<p>{text}</p>"}],
        }

    return bulk_pages(home, StandardPage, count, page)


def run(bench):
    from wagtail.search.backends import get_search_backend

    from home.models import StandardPage

    # Measure as an anonymous reader, without the per-client limit getting in the way.
    bench.client.logout()
    settings.OPENLY_SEARCH_RATE_LIMIT = (1_000_000, 60)
    rng = random.Random(11)  # noqa: S311 (benchmark text, not secrets)
    english = english_home()
    started = time.perf_counter()
    pages = []
    for code, count in PAGES.items():
        pages += _bulk_pages(_home(english, code), count, code, rng)
    built = time.perf_counter()
    get_search_backend().add_bulk(StandardPage, pages)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather soon after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    bench.note(
        f"created {len(pages):,} pages in {built - started:.1f}s (bulk inserts) and indexed "
        f"them in {time.perf_counter() - built:.1f}s"
    )
    for code, query in QUERIES:
        label = f"{code} “{query[:20]}”" + (f" ({len(query):,} chars)" if len(query) > 20 else "")
        bench.measure(label, f"/{code}/search/?{urlencode({'q': query})}")
    bench.measure("en “stigma”, page 50", "/en/search/?q=stigma&page=50")
