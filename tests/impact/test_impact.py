"""The impact dashboard counts only what is public, draws its charts and tables, and
offers each series as a CSV file that no spreadsheet would run."""

import pytest

from home.impact.dashboard import dashboard, figures_for, find_series
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
