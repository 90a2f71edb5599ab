"""The impact dashboard counts only what is public, draws its charts and tables, and
offers each series as a CSV file that no spreadsheet would run."""

import csv
import io

import pytest
from django.utils import translation

from campaigns.models import PledgeSignature
from campaigns.stories.models import StoryPage
from home.impact.dashboard import dashboard, figures_for, find_series
from home.impact.models import ImpactPage
from home.impact.selection import Selection
from home.impact.series import TOTAL

pytestmark = pytest.mark.django_db


def totals(key, **query):
    series = find_series(key)
    figures = figures_for(series, Selection.from_query(query))
    return {part: figures.total(part) for part, _label in series.part_choices}


def test_only_approved_signatures_of_live_campaigns_count(impact_site):
    assert totals("pledges") == {"individual": 3, "organisation": 2}
    assert totals("pledges", country="DE") == {"individual": 0, "organisation": 2}


def test_only_live_commitments_stories_and_held_events_count(impact_site):
    assert totals("commitments") == {TOTAL: 2}
    assert totals("stories") == {TOTAL: 2}
    assert totals("events") == {TOTAL: 2}
    assert totals("events", country="GR") == {TOTAL: 1}


def test_registrations_count_places_and_waiting_list_of_public_events_only(impact_site):
    # Cancelled registrations and those for an unpublished event are left out.
    assert totals("registrations") == {"confirmed": 2, "waiting": 1}
    assert totals("registrations", country="DE") == {"confirmed": 0, "waiting": 0}


def test_by_country_and_by_month(impact_site):
    (view,) = dashboard(Selection.from_query({}), keys={"pledges"})
    countries = {row["name"]: row["total"] for row in view.country_rows}
    assert countries == {"France": "3", "Germany": "2"}
    counted = [row for row in view.time_rows if row["total"] != "0"]
    assert len(counted) == 2
    assert len(view.time_rows) == 36


def test_page_renders_every_series_with_chart_table_and_download(client, impact_site):
    response = client.get("/en/impact/")
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("pledges", "commitments", "stories", "events", "actions"):
        assert f'id="impact-{key}"' in html
        assert f'href="/en/impact/{key}.csv"' in html
    assert html.count('role="img"') >= 9
    assert "<title id=" in html and "<desc id=" in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_csv_has_localized_headers_and_one_row_per_month_and_country(client, impact_site):
    response = client.get("/en/impact/pledges.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "public" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Month",
        "Country code",
        "Country",
        "Signed by people",
        "Signed by organisations",
        "Total",
    ]
    assert sorted(row[1:] for row in rows[1:]) == [
        ["DE", "Germany", "0", "2", "2"],
        ["FR", "France", "3", "0", "3"],
    ]
    french = client.get("/en/impact/pledges.csv", {"country": "FR", "period": "all"})
    rows = list(csv.reader(io.StringIO(french.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Year"
    assert [row[1] for row in rows[1:]] == ["FR"]


def test_csv_headers_follow_the_reader_language(client, impact_site, translated_home):
    page = impact_site["page"]
    page.copy_for_translation(translated_home["fr"].locale).save_revision().publish()
    response = client.get("/fr/impact/stories.csv")
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[0] == "Mois"
    assert "Pays" in header


def test_csv_cells_cannot_run_as_formulas(client, impact_site):
    PledgeSignature.objects.filter(country="DE").update(country="=1")
    response = client.get("/en/impact/pledges.csv")
    text = response.content.decode("utf-8-sig")
    assert "'=1" in text
    assert "\n=1" not in text and ",=1" not in text


@pytest.mark.parametrize(
    "url",
    [
        "/en/impact/unknown.csv",
        "/en/impact/PLEDGES.csv",
        "/en/impact/" + "x" * 60 + ".csv",
    ],
)
def test_unknown_series_is_not_found(client, impact_site, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"country": "ZZ"},
        {"country": "<script>"},
        {"period": "9999"},
        {"period": "all'"},
        {"country": "\x00"},
    ],
)
def test_bad_filters_fall_back_to_the_defaults(client, impact_site, query):
    response = client.get("/en/impact/", query)
    assert response.status_code == 200
    assert response.context["selection"].is_default


def test_country_filter_narrows_every_series_and_hides_the_country_charts(client, impact_site):
    response = client.get("/en/impact/", {"country": "FR"})
    views = {view.key: view for view in response.context["series_views"]}
    assert views["pledges"].total == 3
    assert views["commitments"].total == 1
    assert views["stories"].total == 1
    assert views["events"].total == 0
    assert not views["pledges"].show_countries
    assert 'href="/en/impact/pledges.csv?country=FR"' in response.content.decode()


def test_figures_are_counted_again_after_a_change(client, impact_site):
    assert client.get("/en/impact/").context["series_views"][0].total == 5
    signature = PledgeSignature.objects.get(status="pending")
    signature.status = "approved"
    signature.save()
    assert client.get("/en/impact/").context["series_views"][0].total == 6
    StoryPage.objects.live().filter(country="FR").get().unpublish()
    views = {view.key: view for view in client.get("/en/impact/").context["series_views"]}
    assert views["stories"].total == 1


def test_the_cached_page_is_retired_when_a_signature_is_approved(client, impact_site, settings):
    settings.OPENLY_PAGE_CACHE = True
    # The first render creates the site settings row, which retires what it cached.
    client.get("/en/impact/")
    client.get("/en/impact/")
    cached = client.get("/en/impact/")
    assert cached.headers["X-Cache"] == "HIT"
    signature = PledgeSignature.objects.get(status="pending")
    signature.status = "approved"
    signature.save()
    fresh = client.get("/en/impact/")
    assert fresh.headers["X-Cache"] == "MISS"
    assert "<strong>4</strong> Signed by people" in fresh.content.decode()


def test_arabic_charts_run_right_to_left(client, impact_site, translated_home):
    page = impact_site["page"]
    page.copy_for_translation(translated_home["ar"].locale).save_revision().publish()
    html = client.get("/ar/impact/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'direction="rtl"' in html and 'direction="ltr"' not in html
    (view,) = dashboard(Selection.from_query({}), keys={"pledges"})
    translation.activate("ar")
    chart = view.time_chart
    # Time runs from the right: the latest month's bar is left of the earliest label.
    assert chart["labels"][0]["x"] > chart["labels"][-1]["x"]
    assert chart["tick_x"] > chart["grid_x2"]
    assert "ديسمبر" in html or "يناير" in html or "نوفمبر" in html


def test_page_tree_rules():
    assert ImpactPage.parent_page_types == ["home.HomePage"]
    assert ImpactPage.subpage_types == []
    assert ImpactPage.max_count_per_parent == 1
