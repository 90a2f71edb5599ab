"""The contributor's email and consent never leave the contributor record: not in public
pages, the sitemap, search, revisions, the audit log, reviewer emails or logs."""

import io
import logging
from smtplib import SMTPException

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from campaigns.stories import lifecycle as services
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.roles import MODERATORS, STORY_MODERATORS
from tests.sitemaps import section_urls, sitemap_text
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, old_form_state, publish_story

pytestmark = pytest.mark.django_db

CONSENT_MARKERS = ["consent_process", "consent_publish", "consent_version", "consented_at"]


@pytest.fixture
def reviewers(roles):
    user_model = get_user_model()
    safety = user_model.objects.create_user("safety", "safety.reviewer@example.invalid", "x")
    safety.groups.add(roles[STORY_MODERATORS])
    approver = user_model.objects.create_user("approver", "approver@example.invalid", "x")
    approver.groups.add(roles[MODERATORS])
    return safety, approver


@pytest.fixture
def published(client, reviewers, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    state, _token = old_form_state()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/stories/share/", form_data(form_state=state, topics=[]))
    story = publish_story(StoryPage.objects.get())
    return story, ContributorRecord.objects.get()


def _dump_everything_but_records():
    out = io.StringIO()
    call_command(
        "dumpdata",
        exclude=["stories.contributorrecord", "contenttypes", "auth.permission"],
        stdout=out,
    )
    return out.getvalue()


def test_public_pages_and_sitemap_never_show_contact_details(client, published):
    story, _record = published
    sitemaps = ["/sitemap.xml", *section_urls(client)]
    for url in ["/en/stories/", story.url, *sitemaps, "/en/search/?q=listened"]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert CONTRIBUTOR_EMAIL not in text, url
        for marker in CONSENT_MARKERS:
            assert marker not in text, url
    assert story.url.split("/")[-2] in sitemap_text(client)


def test_search_finds_the_story_but_not_by_email(client, published):
    story, _record = published
    assert story.title in client.get("/en/search/?q=Learning").content.decode()
    results = StoryPage.objects.live().search(CONTRIBUTOR_EMAIL)
    assert list(results) == []


def test_no_table_but_the_contributor_records_holds_the_email(published):
    """Revisions, the search index, workflow states, audit log, sessions: a dump of the
    whole database without the records never contains the address or consent."""
    dump = _dump_everything_but_records()
    assert CONTRIBUTOR_EMAIL not in dump
    assert "test-v1" not in dump
    for marker in CONSENT_MARKERS:
        assert marker not in dump


def test_revisions_hold_no_personal_data(published):
    story, _record = published
    for revision in Revision.objects.all():
        content = str(revision.content)
        assert CONTRIBUTOR_EMAIL not in content
        assert "consent" not in content
        assert "token" not in content


def test_audit_log_messages_hold_no_personal_data(published):
    story, record = published
    services.withdraw(record)
    entries = [*PageLogEntry.objects.all(), *ModelLogEntry.objects.all()]
    assert any(e.action == "stories.erase" for e in entries)
    for entry in entries:
        assert story.title not in entry.label + str(entry.data)
        assert CONTRIBUTOR_EMAIL not in entry.message
        assert CONTRIBUTOR_EMAIL not in str(entry.data)
        assert CONTRIBUTOR_EMAIL not in entry.label


def test_reviewer_notice_says_a_story_is_waiting_and_nothing_more(published, reviewers):
    story, _record = published
    reviewer_mail = [m for m in mail.outbox if "safety.reviewer@example.invalid" in m.to]
    assert len(reviewer_mail) == 1
    message = reviewer_mail[0]
    assert message.subject == "A new story is waiting for review"
    assert f"/admin/pages/{story.pk}/edit/" in message.body
    assert story.title not in message.subject + message.body
    assert "listened" not in message.body and "For years" not in message.body
    assert CONTRIBUTOR_EMAIL not in message.body
    assert "Mira" not in message.body
    # Wagtail's own notice (which names the page) is not sent for stories.
    for sent in mail.outbox:
        assert story.title not in sent.subject + sent.body


def test_logs_never_contain_contact_details(published, caplog):
    story, record = published
    services.withdraw(record)
    assert CONTRIBUTOR_EMAIL not in caplog.text
    for marker in CONSENT_MARKERS:
        assert marker not in caplog.text


def test_email_failure_loses_nothing_logs_nothing_personal_and_is_retried(
    client, reviewers, caplog, monkeypatch, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)

    def broken_send(*args, **kwargs):
        raise SMTPException(f"refused {CONTRIBUTOR_EMAIL}")

    monkeypatch.setattr("campaigns.stories.notifications.send_mail", broken_send)
    state, _token = old_form_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", form_data(form_state=state))
    assert response.status_code == 303
    assert StoryPage.objects.count() == 1
    record = ContributorRecord.objects.get()
    assert not record.reviewers_notified
    assert "Could not send" in caplog.text
    assert CONTRIBUTOR_EMAIL not in caplog.text
    # The thank-you page still gives the link.
    assert "/en/stories/status/" in client.get("/en/stories/share/thanks/").content.decode()

    monkeypatch.undo()
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_story_notifications", stdout=out)
    assert "Sent 1" in out.getvalue()
    record.refresh_from_db()
    assert record.reviewers_notified
    assert [m.to for m in mail.outbox] == [["safety.reviewer@example.invalid"]]
    call_command("send_story_notifications", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_story_feed_lists_the_story_without_contact_details(client, published):
    story, _record = published
    response = client.get("/en/stories/feed/")
    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert story.title in text
    assert "Mira" in text
    assert CONTRIBUTOR_EMAIL not in text
    for marker in CONSENT_MARKERS:
        assert marker not in text
