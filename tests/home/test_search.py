"""Site search (home.search): stemming in each language, ranking, what a reader may find,
an index kept up to date by publishing, and the limits that keep one reader from taking the
site down. Every test runs on the database the suite runs on (SQLite, or PostgreSQL with
DATABASE_URL)."""

import io
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.models import StandardPage
from home.search import SearchBusy, SiteSearch
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def found(client, query, language="en", **params):
    """Titles of the results of a search, in order."""
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def translated_home_for(home_page, locales, code):
    """The home page in ``code``, live."""
    home = home_page.copy_for_translation(locales[code])
    home.save_revision().publish()
    return home.specific


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("depressed", "Understanding depression"),
        ("anxiety attack", "Anxiety attacks: what helps"),
        ("eating disorder", "Eating disorders and recovery"),
    ],
)
def test_english_words_find_their_other_forms(client, home_page, query, title):
    StandardPageFactory(parent=home_page, title=title)
    StandardPageFactory(parent=home_page, title="Talking about stigma")
    assert found(client, query) == [title]


@pytest.mark.parametrize(
    ("code", "query", "title"),
    [
        ("fr", "dépressions", "Comprendre la dépression"),
        ("de", "Depressionen", "Was ist eine Depression?"),
        ("uk", "депресії", "Що таке депресія"),
        ("es", "depresiones", "Entender la depresión"),
        ("it", "depressioni", "Capire la depressione"),
        ("pl", "depresja", "Jak rozpoznać depresję"),
        ("el", "κατάθλιψης", "Τι είναι η κατάθλιψη"),
        ("ro", "depresia", "Ce este depresiei"),
        ("ar", "اكتئاب", "فهم الاكتئاب"),
    ],
)
def test_each_language_is_stemmed_its_own_way(client, home_page, locales, code, query, title):
    home = translated_home_for(home_page, locales, code)
    StandardPageFactory(parent=home, title=title, locale=locales[code])
    StandardPageFactory(parent=home, title="Stigma", locale=locales[code])
    assert found(client, query, code) == [title]


def test_a_title_match_ranks_above_a_body_match(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Talking at work", summary="How stigma keeps people silent."
    )
    StandardPageFactory(parent=home_page, title="Stigma at work")
    assert found(client, "stigma") == ["Stigma at work", "Talking at work"]


def test_words_may_be_spread_over_title_and_text(client, home_page):
    StandardPageFactory(parent=home_page, title="Panic", summary="When an attack comes.")
    assert found(client, "panic attacks") == ["Panic"]


def test_a_search_finds_only_pages_in_the_readers_language(client, home_page, locales):
    french_home = translated_home_for(home_page, locales, "fr")
    StandardPageFactory(parent=home_page, title="Stigma in the media")
    StandardPageFactory(parent=french_home, title="La stigmatisation", locale=locales["fr"])
    assert found(client, "stigma") == ["Stigma in the media"]
    assert found(client, "stigmatisation", "fr") == ["La stigmatisation"]
    assert found(client, "media", "fr") == []


def test_private_and_unpublished_pages_are_never_found(client, home_page):
    private_section = StandardPageFactory(parent=home_page, title="Members")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    StandardPageFactory(parent=private_section, title="Stigma: members' notes")
    StandardPageFactory(parent=home_page, title="Stigma draft", live=False)
    StandardPageFactory(parent=home_page, title="Stigma explained")
    assert found(client, "stigma") == ["Stigma explained"]


def test_the_index_follows_publishing(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Stigma explained")
    assert found(client, "stigma") == ["Stigma explained"]

    page.title = "Prejudice explained"
    page.save_revision().publish()
    assert found(client, "stigma") == []
    assert found(client, "prejudice") == ["Prejudice explained"]

    page.unpublish()
    assert found(client, "prejudice") == []
    page.save_revision().publish()
    assert found(client, "prejudice") == ["Prejudice explained"]

    page_id = page.pk
    page.delete()
    assert found(client, "prejudice") == []
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()


def test_update_index_rebuilds_the_index_in_each_language(client, home_page, locales):
    french_home = translated_home_for(home_page, locales, "fr")
    StandardPageFactory(parent=home_page, title="Understanding depression")
    StandardPageFactory(parent=french_home, title="Comprendre la dépression", locale=locales["fr"])
    IndexEntry.objects.all().delete()
    assert found(client, "depressed") == []
    call_command("update_index", stdout=io.StringIO())
    assert found(client, "depressed") == ["Understanding depression"]
    assert found(client, "dépressions", "fr") == ["Comprendre la dépression"]


def test_a_page_moved_into_a_private_section_is_no_longer_found(client, home_page):
    private_section = StandardPageFactory(parent=home_page, title="Members")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    page = StandardPageFactory(parent=home_page, title="Stigma explained")
    page.move(private_section, pos="last-child")
    assert found(client, "stigma") == []
    Page.objects.get(pk=page.pk).move(home_page, pos="last-child")
    assert found(client, "stigma") == ["Stigma explained"]


def test_wagtails_own_search_still_finds_pages_in_every_language(home_page, locales):
    """The admin searches with Wagtail's query, in no particular language."""
    french_home = translated_home_for(home_page, locales, "fr")
    english = StandardPageFactory(parent=home_page, title="Understanding depression")
    french = StandardPageFactory(
        parent=french_home, title="Comprendre la dépression", locale=locales["fr"]
    )
    assert list(StandardPage.objects.search("Understanding")) == [english]
    assert list(StandardPage.objects.search("Comprendre")) == [french]


def test_a_results_page_costs_the_same_queries_with_few_or_many_matches(
    client, home_page, django_assert_num_queries
):
    # Count, one page of ids, the pages and their specific rows. On PostgreSQL
    # each search statement also sets and resets its time limit, inside a savepoint here.
    budget = 4 + (8 if connection.vendor == "postgresql" else 0)
    for added, url in ((2, "/en/search/?q=stigma"), (30, "/en/search/?q=stigma&page=2")):
        for number in range(added):
            StandardPageFactory(parent=home_page, title=f"Stigma {added} {number}")
        # Warm the chrome cache (on PostgreSQL the first search after new pages still
        # renews it once, so two requests).
        for _warm in range(2):
            client.get(url)
        with django_assert_num_queries(budget):
            client.get(url)


def test_the_count_is_capped(client, home_page, monkeypatch):
    monkeypatch.setattr(SiteSearch, "cap", 3)
    for number in range(5):
        StandardPageFactory(parent=home_page, title=f"Stigma {number}")
    response = client.get("/en/search/", {"q": "stigma"})
    assert response.context["results"].paginator.count == 3
    assert "More than 3 results" in response.content.decode()
    few = client.get("/en/search/", {"q": "stigma 4"})
    assert "1 result for" in few.content.decode()


def test_long_queries_are_cut(client, home_page):
    StandardPageFactory(parent=home_page, title="Stigma explained")
    response = client.get("/en/search/", {"q": "stigma " * 2000, "type": "x" * 5000, "page": "2"})
    # An oversized query string is sent to its short form, which every link then repeats.
    assert response.status_code == 302
    assert response["Location"] == "/en/search/?" + urlencode(
        {"q": ("stigma " * 2000)[:200].strip(), "page": "2"}
    )
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert len(response.content) < 50_000
    response = client.get("/en/search/", {"q": "stigma " * 100})
    assert response.context["query"] == ("stigma " * 100)[:200]
    # Only the first words are looked up.
    assert found(client, "stigma " + " ".join(f"word{n}" for n in range(20))) == []
    assert found(client, "stigma " * 20) == ["Stigma explained"]


@pytest.mark.parametrize("query", ["!!!", "a", "«»", '"unclosed', "NEAR(a b)", "x* OR y"])
def test_odd_queries_give_a_normal_page(client, home_page, query):
    StandardPageFactory(parent=home_page, title="Stigma explained")
    assert found(client, query) == []


def test_searches_are_rate_limited_per_client(client, home_page, settings):
    settings.OPENLY_SEARCH_RATE_LIMIT = (2, 60)
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for _attempt in range(2):
        assert client.get("/en/search/?q=help", HTTP_X_REAL_IP="203.0.113.1").status_code == 200
    refused = client.get("/en/search/?q=help", HTTP_X_REAL_IP="203.0.113.1")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "no-store" in refused["Cache-Control"]
    assert "searched many times" in refused.content.decode()
    assert client.get("/en/search/?q=help", HTTP_X_REAL_IP="203.0.113.2").status_code == 200
    # The search form without a query costs nothing and is never refused.
    assert client.get("/en/search/", HTTP_X_REAL_IP="203.0.113.1").status_code == 200


def test_a_busy_search_gets_a_kind_page(client, home_page, monkeypatch):
    def busy(self):
        raise SearchBusy

    monkeypatch.setattr(SiteSearch, "count", busy)
    response = client.get("/en/search/?q=stigma")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "no-store" in response["Cache-Control"]
    assert "try again" in response.content.decode()


def test_a_slow_search_statement_is_cut_off(home_page):
    backend = get_search_backend()
    backend.timeout = 0.05
    if connection.vendor == "postgresql":
        slow = "SELECT pg_sleep(5)"
    else:
        slow = (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1e9) "
            "SELECT COUNT(*) FROM n"
        )
    with pytest.raises(SearchBusy):
        backend._run(slow, [])
    # The connection goes on working.
    assert Page.objects.filter(pk=home_page.pk).exists()


def test_search_pages_are_shareable(client, home_page):
    StandardPageFactory(parent=home_page, title="Stigma explained")
    response = client.get("/en/search/?q=stigma&page=-1&type=spaceships&colour=blue")
    assert response.status_code == 200
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
