"""The findings report reads stored check results, kept fresh by publishing, rule changes
and acceptances, instead of re-checking every live page on each request."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.language_check import stored
from home.language_check.engine import check_text
from home.language_check.models import AcceptedFinding, LanguageRule, PageLanguageCheck
from home.language_check.views import FindingsReportView
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh

world = factories.world

LABEL = CONTENT_TYPES[0][0]
URL = "openly_language_findings_report"


def _rule_for(word):
    """The English rule that flags ``word`` (rules are wordings with groups, not one word)."""
    (finding,) = check_text(word, "en")
    return LanguageRule.objects.get(pk=finding.rule_id)


def publish(page, summary):
    page = fresh(page)
    page.summary = summary
    page.save_revision().publish()
    return fresh(page)


def report(client, user, **params):
    client.force_login(user)
    response = client.get(reverse(URL), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_report_stores_results_and_does_not_check_current_pages_again(world, client, monkeypatch):
    page = publish(world.pages_a[LABEL], "A crazy idea that works.")
    html = report(client, world.moderator)
    assert page.title in html and "crazy" in html
    check = PageLanguageCheck.objects.get(page=page)
    assert check.checked_revision_id == page.live_revision_id
    assert check.organisation == world.org_a
    assert (check.finding_count, check.high_count) == (1, 0)

    calls = []
    monkeypatch.setattr(stored, "check_page", lambda p: calls.append(p) or [])
    html = report(client, world.moderator)
    assert calls == []  # every result is current: nothing is checked again
    assert "crazy" in html


@pytest.mark.django_db
def test_report_query_count_does_not_grow_with_pages(world, client):
    publish(world.pages_a[LABEL], "A crazy idea that works.")
    report(client, world.moderator)  # stores the results
    with CaptureQueriesContext(connection) as few:
        report(client, world.moderator)
    index = world.indexes[LABEL]
    make_page = CONTENT_TYPES[0][2]
    for number in range(20):
        extra = make_page(index, world.org_b, title=f"Extra page {number}")
        publish(extra, "Lunatic headlines, crazy claims.")
    report(client, world.moderator)
    with CaptureQueriesContext(connection) as many:
        html = report(client, world.moderator)
    assert "Extra page 19" in html or "Page 1 of 2" in html
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
def test_publishing_again_replaces_the_stored_result(world, client):
    page = publish(world.pages_a[LABEL], "A crazy idea that works.")
    report(client, world.moderator)
    page = publish(page, "An unusual idea that works.")
    html = report(client, world.moderator)
    assert "crazy" not in html
    assert PageLanguageCheck.objects.get(page=page).finding_count == 0


@pytest.mark.django_db
def test_publishing_checks_the_page_in_the_background(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(world.pages_a[LABEL], "He committed suicide, the paper said.")
    check = PageLanguageCheck.objects.get(page=page)
    assert check.high_count == 1 and check.findings[0]["matched"] == "committed suicide"


@pytest.mark.django_db
def test_a_changed_rule_makes_its_languages_results_out_of_date(world, client):
    page = publish(world.pages_a[LABEL], "A crazy idea that works.")
    report(client, world.moderator)
    rule = _rule_for("crazy")
    rule.active = False
    rule.save()
    assert PageLanguageCheck.objects.get(page=page).stale
    html = report(client, world.moderator)
    assert "crazy" not in html
    assert not PageLanguageCheck.objects.get(page=page).stale


@pytest.mark.django_db
def test_accepting_a_finding_shows_in_the_report(world, client):
    page = publish(world.pages_a[LABEL], "Her poem says: “I am not crazy, I am tired.”")
    report(client, world.moderator)
    rule = _rule_for("crazy")
    AcceptedFinding.objects.create(page=page, rule=rule, matched_text="crazy")
    report(client, world.moderator)
    check = PageLanguageCheck.objects.get(page=page)
    assert check.accepted_count == 1 and check.findings[0]["accepted"]


@pytest.mark.django_db
def test_report_checks_a_batch_and_says_how_many_wait(world, client, monkeypatch):
    monkeypatch.setattr(FindingsReportView, "refresh_limit", 1)
    for label, _index, _page in CONTENT_TYPES:
        publish(world.pages_a[label], "A crazy idea.")
    waiting = stored.outdated_pages().count()
    assert waiting > 2
    html = report(client, world.moderator)
    # One checked now; the rest are queued (run after the request's transaction commits).
    assert "data-findings-waiting" in html
    assert f"{waiting - 1} more live pages are waiting" in html
    assert stored.outdated_pages().count() == waiting - 1


@pytest.mark.django_db
def test_unpublished_pages_leave_the_report(world, client):
    page = publish(world.pages_a[LABEL], "A crazy idea that works.")
    report(client, world.moderator)
    fresh(page).unpublish()
    assert page.title not in report(client, world.moderator)


@pytest.mark.django_db
def test_check_language_command(world):
    page = publish(world.pages_a[LABEL], "A crazy idea that works.")
    call_command("check_language", stdout=io.StringIO())
    assert PageLanguageCheck.objects.get(page=page).finding_count == 1
    assert not stored.outdated_pages().exists()
    PageLanguageCheck.objects.filter(page=page).update(finding_count=7)
    call_command("check_language", stdout=io.StringIO())
    assert PageLanguageCheck.objects.get(page=page).finding_count == 7  # current: untouched
    call_command("check_language", "--all", stdout=io.StringIO())
    assert PageLanguageCheck.objects.get(page=page).finding_count == 1


@pytest.mark.django_db
def test_report_filters_and_bad_input(world, client):
    publish(world.pages_a[LABEL], "A crazy idea that works.")
    publish(world.pages_b[LABEL], "Lunatic headlines.")
    html = report(client, world.moderator, organisation=world.org_b.pk)
    assert "lunatic" in html.lower() and world.pages_a[LABEL].title not in html
    html = report(client, world.moderator, language="fr")
    assert "No findings on live pages." in html
    for bad in ({"organisation": "x'--"}, {"page": "-4"}, {"page": "abc"}, {"language": "\x00"}):
        report(client, world.moderator, **bad)
