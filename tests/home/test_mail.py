"""Durable email (home.mail): every kind of email survives a mail outage without a 500 or a
lost action, waits sealed, is retried with back-off and arrives exactly once; a rolled-back
action sends nothing; failures are visible to administrators without personal data."""

import io
import logging
import smtplib
from datetime import timedelta
from email.mime.base import MIMEBase

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.roles import STORY_MODERATORS
from home.mail import checks, deliveries, worker
from home.mail.models import Delivery
from tests.home import factories
from tests.home.factories import fresh
from tests.stories.conftest import (  # noqa: F401 - the stories' fixtures, used below
    CONTRIBUTOR_EMAIL,
    form_data,
    roles,
    story_index,
)

pytestmark = pytest.mark.django_db

world = factories.world  # the shared co-creation fixture

QUEUED = "home.mail.backend.QueuedEmailBackend"
TRANSPORT = "tests.home.test_mail.FlakyTransport"
ADDRESS = "private.person@example.invalid"
BODY = "Your private status link: https://example.org/en/stories/status/S3CRET-T0KEN/"
SUBJECT = "Your story is safe with us"
DELAYS = [1, 5, 30, 120, 720]  # minutes: the default back-off


class FlakyTransport(LocmemBackend):
    """The real transport of these tests: mail.outbox, or down while ``failure`` is set (a
    function making the exception a broken SMTP connection would raise)."""

    failure = None

    def open(self):
        if FlakyTransport.failure is not None:
            raise FlakyTransport.failure()

    def send_messages(self, messages):
        if FlakyTransport.failure is not None:
            raise FlakyTransport.failure()
        return super().send_messages(messages)


def refused():
    return ConnectionRefusedError(111, "Connection refused")


def smtp_broken():
    return smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def queued_mail(settings):
    """The queue in front of the transport, as outside tests (Django's test set-up sends
    straight to mail.outbox otherwise)."""
    settings.EMAIL_BACKEND = QUEUED
    settings.OPENLY_EMAIL_TRANSPORT = TRANSPORT
    settings.OPENLY_EMAIL_SEND_AT_ONCE = True
    FlakyTransport.failure = None
    yield
    FlakyTransport.failure = None


@pytest.fixture(params=[refused, smtp_broken], ids=["connection-refused", "smtp-error"])
def mail_down(request, queued_mail):
    """The mail server is down (refusing connections, or failing in SMTP)."""
    FlakyTransport.failure = request.param
    return request.param


def mail_back_and_retries_run(minutes=DELAYS[0]):
    """The mail server is back; the worker runs what is due ``minutes`` later."""
    FlakyTransport.failure = None
    with time_machine.travel(timezone.now() + timedelta(minutes=minutes, seconds=1)):
        return worker.run_due()


def stored_mail_rows():
    """Every row the mail queue keeps (deliveries and their tasks), as text."""
    out = io.StringIO()
    call_command("dumpdata", "mail", "django_tasks_database", stdout=out)
    return out.getvalue()


def only_delivery(kind):
    return Delivery.objects.get(kind=kind)


# Every kind of email, with the mail server down


@pytest.fixture
def reviewer(roles):  # noqa: F811 - the stories' fixture
    user = get_user_model().objects.create_user("safety", "safety.reviewer@example.invalid", "x")
    user.groups.add(roles[STORY_MODERATORS])
    return user


def test_story_submission_with_mail_down_thanks_and_keeps_the_story(
    client, reviewer, mail_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", form_data())
    assert response.status_code == 303
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "/en/stories/status/" in thanks.content.decode()
    assert StoryPage.objects.count() == 1
    assert ContributorRecord.objects.get().reviewers_notified
    assert mail.outbox == []
    for kind in (Delivery.Kind.STATUS_LINK, Delivery.Kind.STORY_REVIEW):
        delivery = only_delivery(kind)
        assert delivery.state == Delivery.State.QUEUED
        assert delivery.attempts == 1
        assert delivery.last_error == type(mail_down()).__name__

    assert mail_back_and_retries_run() == 2
    link_mail = [m for m in mail.outbox if m.to == [CONTRIBUTOR_EMAIL]]
    assert len(link_mail) == 1
    assert "/en/stories/status/" in link_mail[0].body
    assert [m.to for m in mail.outbox if m not in link_mail] == [[reviewer.email]]
    assert mail_back_and_retries_run(minutes=24 * 60) == 0
    assert len(mail.outbox) == 2
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}


def _section_form(section):
    return nested_form_data(
        {
            "title": section.title,
            "slug": section.slug,
            "summary": "We train peer supporters in every town.",
            "intro": rich_text("<p>Hello from our editors.</p>"),
            "body": streamfield([("paragraph", rich_text("<p>Our projects.</p>"))]),
            "comments": inline_formset([]),
            "action-submit": "submit",
        }
    )


def test_partner_lead_submits_for_review_with_mail_down(
    world, client, mail_down, django_capture_on_commit_callbacks
):
    section = fresh(world.org_a).section
    client.force_login(world.lead_a)
    url = reverse("wagtailadmin_pages:edit", args=[section.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _section_form(section))
    assert response.status_code == 302, response.content.decode()[:2000]
    state = fresh(section).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert fresh(section).get_latest_revision_as_object().summary.startswith("We train peer")
    # Nobody else leads the organisation, so the moderators are told: later.
    delivery = only_delivery(Delivery.Kind.WORKFLOW)
    assert (delivery.state, delivery.attempts) == (Delivery.State.QUEUED, 1)
    assert mail.outbox == []

    assert mail_back_and_retries_run() == 1
    assert [m.to for m in mail.outbox] == [[world.moderator.email]]
    assert mail_back_and_retries_run(minutes=60) == 0
    assert len(mail.outbox) == 1


def test_wagtails_own_workflow_notification_with_mail_down(
    world, client, mail_down, django_capture_on_commit_callbacks
):
    page = world.pages_a[factories.CONTENT_TYPES[0][0]]
    page.save_revision(user=world.editor_a)
    state = page.get_workflow().start(page, world.editor_a)
    # The lead's notice (ours) is not what this test is about.
    Delivery.objects.all().delete()
    DBTaskResult.objects.all().delete()
    client.force_login(world.lead_a)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Moderator approval"
    # Wagtail's notifier tells the moderators (its emails are marked Auto-Submitted).
    delivery = only_delivery(Delivery.Kind.WORKFLOW)
    assert delivery.state == Delivery.State.QUEUED

    assert mail_back_and_retries_run() == 1
    assert [m.to for m in mail.outbox] == [[world.moderator.email]]
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"


def test_password_reset_with_mail_down(
    world, client, mail_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_password_reset"), {"email": world.editor_a.email}
        )
    assert response.status_code == 302
    delivery = only_delivery(Delivery.Kind.PASSWORD_RESET)
    assert (delivery.state, delivery.attempts) == (Delivery.State.QUEUED, 1)

    assert mail_back_and_retries_run() == 1
    assert [m.to for m in mail.outbox] == [[world.editor_a.email]]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


# What is kept, and for how long


def test_queued_email_is_sealed_and_nothing_readable_remains_once_sent(
    mail_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    delivery = Delivery.objects.get()
    tasks = DBTaskResult.objects.order_by("enqueued_at")
    assert [task.args_kwargs for task in tasks] == [{"args": [str(delivery.pk)], "kwargs": {}}] * 2
    kept = stored_mail_rows()
    for secret in (ADDRESS, "S3CRET-T0KEN", "private status link", SUBJECT):
        assert secret not in kept
    assert delivery.sealed_message

    mail_back_and_retries_run()
    assert len(mail.outbox) == 1
    assert (mail.outbox[0].to, mail.outbox[0].subject, mail.outbox[0].body) == (
        [ADDRESS],
        SUBJECT,
        BODY,
    )
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.SENT
    assert delivery.sealed_message == ""
    kept = stored_mail_rows()
    for secret in (ADDRESS, "S3CRET-T0KEN", "private status link", SUBJECT):
        assert secret not in kept


def test_a_rolled_back_action_sends_nothing(queued_mail, django_capture_on_commit_callbacks):
    class Undone(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Undone),
        transaction.atomic(),
    ):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
        raise Undone
    assert callbacks == []
    assert not Delivery.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert worker.run_due() == 0
    assert mail.outbox == []


def test_a_committed_email_is_sent_at_once_and_only_once(
    queued_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with deliveries.outgoing(Delivery.Kind.STORY_UPDATE) as sending:
            send_mail(SUBJECT, BODY, None, [ADDRESS])
        # Nothing leaves before the commit.
        assert mail.outbox == []
        assert deliveries.delivery_state(sending.delivery_id) == "queued"
    assert len(mail.outbox) == 1
    assert deliveries.delivery_state(sending.delivery_id) == "sent"
    assert only_delivery(Delivery.Kind.STORY_UPDATE).attempts == 1
    assert worker.run_due() == 0
    assert len(mail.outbox) == 1


def test_without_sending_at_once_the_worker_sends(
    queued_mail, settings, django_capture_on_commit_callbacks
):
    settings.OPENLY_EMAIL_SEND_AT_ONCE = False
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    assert mail.outbox == []
    assert worker.run_due() == 1
    assert len(mail.outbox) == 1


def test_every_part_of_an_email_survives_the_queue(queued_mail):
    part = MIMEBase("application", "octet-stream")
    part.set_payload(b"\x00\x01raw")
    part.add_header("Content-Disposition", "attachment", filename="raw.bin")
    message = EmailMultiAlternatives(
        SUBJECT,
        BODY,
        "Openly <team@example.org>",
        [ADDRESS],
        bcc=["hidden@example.org"],
        cc=["copy@example.org"],
        reply_to=["answers@example.org"],
        headers={"X-Campaign": "mental-health-week"},
    )
    message.attach_alternative("<p>Your <b>private</b> link</p>", "text/html")
    message.attach("notes.txt", "Plain notes", "text/plain")
    message.attach("logo.png", b"\x89PNG\r\n", "image/png")
    message.attach(part)
    message.send()
    worker.run_due()

    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (
        SUBJECT,
        BODY,
        "Openly <team@example.org>",
    )
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        [ADDRESS],
        ["copy@example.org"],
        ["hidden@example.org"],
        ["answers@example.org"],
    )
    assert sent.extra_headers["X-Campaign"] == "mental-health-week"
    assert "Message-ID" in sent.extra_headers and "Date" in sent.extra_headers
    assert sent.alternatives == [("<p>Your <b>private</b> link</p>", "text/html")]
    assert sent.attachments[:2] == [
        ("notes.txt", "Plain notes", "text/plain"),
        ("logo.png", b"\x89PNG\r\n", "image/png"),
    ]
    assert sent.attachments[2].get_payload(decode=True) == b"\x00\x01raw"
    assert sent.attachments[2].get_filename() == "raw.bin"
    assert b"raw.bin" in sent.message().as_bytes()


# Retries and failures


def test_retries_back_off_then_fail_for_good_and_admins_can_retry(
    world, client, queued_mail, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    FlakyTransport.failure = refused
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        with (
            django_capture_on_commit_callbacks(execute=True),
            deliveries.outgoing(Delivery.Kind.STATUS_LINK) as sending,
        ):
            send_mail(SUBJECT, BODY, None, [ADDRESS])
        elapsed = timedelta(0)
        for attempt, minutes in enumerate(DELAYS, start=1):
            delivery = Delivery.objects.get()
            assert delivery.attempts == attempt
            elapsed += timedelta(minutes=minutes)
            assert delivery.next_attempt_at == start + elapsed
            assert deliveries.delivery_state(sending.delivery_id) == "queued"
            clock.move_to(start + elapsed - timedelta(seconds=1))
            assert worker.run_due() == 0  # not yet due
            clock.move_to(start + elapsed)
            assert worker.run_due() == 1
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts) == (Delivery.State.FAILED, len(DELAYS) + 1)
    assert delivery.next_attempt_at is None
    assert deliveries.delivery_state(sending.delivery_id) == "failed"
    for secret in (ADDRESS, "S3CRET-T0KEN", SUBJECT):
        assert secret not in caplog.text
    assert str(delivery.pk) in caplog.text

    # Administrators see it, without personal data, and queue it again.
    client.force_login(world.admin)
    report = client.get(reverse("openly_mail_deliveries"), {"state": "failed"})
    html = report.content.decode()
    assert report.status_code == 200
    assert "Story status link" in html and "ConnectionRefusedError" in html
    for secret in (ADDRESS, "S3CRET-T0KEN", SUBJECT):
        assert secret not in html
    export = client.get(reverse("openly_mail_deliveries"), {"export": "csv"})
    exported = b"".join(export.streaming_content).decode()
    assert "Story status link,Failed" in exported
    for secret in (ADDRESS, "S3CRET-T0KEN", SUBJECT):
        assert secret not in exported
    FlakyTransport.failure = None
    retry_url = reverse("openly_mail_delivery_retry", args=[delivery.pk])
    assert retry_url in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry_url)
    assert response.status_code == 302
    assert deliveries.delivery_state(sending.delivery_id) == "sent"
    assert [m.to for m in mail.outbox] == [[ADDRESS]]


def test_a_permanent_refusal_fails_at_once_and_logs_no_address(
    queued_mail, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    FlakyTransport.failure = lambda: smtplib.SMTPRecipientsRefused(
        {ADDRESS: (550, b"5.1.1 no such user")}
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts) == (Delivery.State.FAILED, 1)
    assert delivery.last_error == "SMTPRecipientsRefused"
    assert ADDRESS not in caplog.text
    assert ADDRESS not in stored_mail_rows()


def test_a_busy_server_is_retried(queued_mail, django_capture_on_commit_callbacks):
    FlakyTransport.failure = lambda: smtplib.SMTPRecipientsRefused(
        {ADDRESS: (451, b"4.7.1 try again later")}
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    assert Delivery.objects.get().state == Delivery.State.QUEUED
    assert mail_back_and_retries_run() == 1
    assert len(mail.outbox) == 1


def test_report_and_retry_are_for_administrators_only(world, client, queued_mail):
    send_mail(SUBJECT, BODY, None, [ADDRESS])
    delivery = Delivery.objects.get()
    delivery.state = Delivery.State.FAILED
    delivery.save()
    for user in (world.moderator, world.lead_a, world.story_moderator):
        client.force_login(user)
        assert client.get(reverse("openly_mail_deliveries")).status_code in {302, 403}
        client.post(reverse("openly_mail_delivery_retry", args=[delivery.pk]))
        delivery.refresh_from_db()
        assert delivery.state == Delivery.State.FAILED
    assert DBTaskResult.objects.count() == 1


def test_queued_email_survives_a_key_rotation(
    queued_mail, settings, django_capture_on_commit_callbacks
):
    FlakyTransport.failure = refused
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-key-after-rotation-" + "x" * 40
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert mail_back_and_retries_run() == 1
    assert [m.to for m in mail.outbox] == [[ADDRESS]]


def test_an_email_no_key_opens_fails_and_is_blanked(
    queued_mail, settings, django_capture_on_commit_callbacks
):
    FlakyTransport.failure = refused
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    settings.SECRET_KEY = "a-new-key-and-the-old-one-lost-" + "x" * 40
    mail_back_and_retries_run()
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.last_error) == (Delivery.State.FAILED, "Unreadable")
    assert delivery.sealed_message == ""
    assert mail.outbox == []


def test_delivery_state_of_unknown_ids():
    assert deliveries.delivery_state(None) is None
    assert deliveries.delivery_state("not-a-uuid") is None
    assert deliveries.delivery_state("6f1c3a52-4a8e-4a8e-9a2b-1d2c3b4a5f6e") is None


# Housekeeping and configuration


def test_housekeeping_prunes_old_deliveries_and_requeues_lost_ones(
    queued_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(SUBJECT, BODY, None, [ADDRESS])
    sent = Delivery.objects.get()
    FlakyTransport.failure = refused
    send_mail(SUBJECT, BODY, None, ["other@example.org"])
    lost = Delivery.objects.exclude(pk=sent.pk).get()
    DBTaskResult.objects.filter(id=lost.task_id).delete()  # its process died with it

    FlakyTransport.failure = None
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        out = io.StringIO()
        call_command("mail_housekeeping", stdout=out)
        assert "Re-queued 1" in out.getvalue()
        assert not Delivery.objects.filter(pk=sent.pk).exists()
        assert not DBTaskResult.objects.filter(status="SUCCESSFUL").exists()
        assert worker.run_due() == 1
    assert [m.to for m in mail.outbox] == [[ADDRESS], ["other@example.org"]]
    assert Delivery.objects.get(pk=lost.pk).state == Delivery.State.SENT


def test_checks_want_a_database_task_backend_and_a_real_transport(queued_mail, settings):
    assert checks.check_mail_queue() == []
    settings.OPENLY_EMAIL_TRANSPORT = QUEUED
    assert [error.id for error in checks.check_mail_queue()] == ["mail.E002"]
    settings.OPENLY_EMAIL_TRANSPORT = "no.such.Backend"
    assert [error.id for error in checks.check_mail_queue()] == ["mail.E003"]
    settings.OPENLY_EMAIL_TRANSPORT = TRANSPORT
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert [error.id for error in checks.check_mail_queue()] == ["mail.E001"]
