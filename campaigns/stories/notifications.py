"""Emails about stories.

Reviewers are told only that a story is waiting, with a link to the admin: never its text,
title or anything about the contributor. Sending happens after the database commit, through
the durable mail queue (home.mail: sealed at rest, retried with back-off, never raising a
mail-server failure into the request); a failure to queue is logged without any address or
content, and the reviewers' notice is then retried by `manage.py send_story_notifications`.
"""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import DatabaseError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Task

from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.models.story import StoryPage
from home.mail.deliveries import Kind, outgoing

logger = logging.getLogger(__name__)

MAIL_ERRORS = (SMTPException, OSError)
# What send_status_link returns when an email backend without the queue sent the email.
SENT_WITHOUT_QUEUE = "sent"


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reviewer_emails(task):
    """Active reviewers of ``task`` (its groups' members) who have an email address."""
    return sorted({email for emails in reviewers_by_language(task).values() for email in emails})


def reviewers_by_language(task):
    """The reviewers' addresses by their admin language (Account → Preferences; the site's
    default language when they chose none): each is written to in their own."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=task.specific.groups.all())
        .exclude(email="")
    )
    by_language = {}
    for email, language in users.values_list("email", "wagtail_userprofile__preferred_language"):
        by_language.setdefault(language or settings.LANGUAGE_CODE, set()).add(email)
    return {language: sorted(emails) for language, emails in sorted(by_language.items())}


def notify_reviewers(page_id, task_id=None):
    """Tell the reviewers of the story's current task that a story is waiting.
    Returns True when sent (or nobody to tell), False when sending failed."""
    task = Task.objects.filter(pk=task_id).first() if task_id else None
    if task is None:
        page = StoryPage.objects.filter(pk=page_id).first()
        state = page.current_workflow_state if page else None
        task = state.current_task_state.task if state and state.current_task_state else None
    if task is None:
        return True
    recipients = reviewers_by_language(task)
    if not recipients:
        return True
    context = {
        "review_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page_id])),
        "dashboard_url": admin_url(reverse("wagtailadmin_home")),
        "task_name": task.name,  # shown in each email's language (workflow_names)
    }
    for language, emails in recipients.items():
        with translation.override(language):
            subject = render_to_string("stories/email/reviewer_subject.txt", context).strip()
            body = render_to_string("stories/email/reviewer.txt", context)
        try:
            with outgoing(Kind.STORY_REVIEW):
                send_mail(subject, body, None, emails)
        except MAIL_ERRORS as error:
            logger.warning(
                "Could not send a story review notice (%s); it will be retried.",
                type(error).__name__,
            )
            return False
    ContributorRecord.objects.filter(page_id=page_id).update(reviewers_notified=True)
    return True


def send_status_link(email, status_url, language, template="status_link", record=None):
    """Email the contributor their private status link. Returns the id of its delivery (ask
    ``home.mail.deliveries.delivery_state`` what became of it), or None when it could not be
    sent at all. Called inside the submission's transaction, the email is queued with it.
    ``template`` names the email's text (stories/email/<template>.txt and _subject.txt); the
    delivery is tied to ``record``, when given, for the contributor's data download."""
    context = {"status_url": status_url}
    with translation.override(language):
        subject = render_to_string(f"stories/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"stories/email/{template}.txt", context)
    try:
        with transaction.atomic(), outgoing(Kind.STATUS_LINK) as sending:
            send_mail(subject, body, None, [email])
            if record is not None:
                record.remember_delivery(sending.delivery_id)
    except (*MAIL_ERRORS, DatabaseError) as error:
        logger.warning("Could not send a contributor's status link (%s).", type(error).__name__)
        return None
    # Another email backend than the queue (some tests) gives no id: it sent at once.
    return sending.delivery_id or SENT_WITHOUT_QUEUE


def send_new_status_link(email, status_url, language, record=None):
    """Email a contributor who asked for it a new private status link, saying that older
    links no longer work. Returns as ``send_status_link``."""
    return send_status_link(email, status_url, language, template="new_status_link", record=record)


def retry_pending():
    """Send the reviewers' notices that failed before. Returns (sent, failed)."""
    sent = failed = 0
    for record in ContributorRecord.objects.awaiting_notification().exclude(page=None):
        if notify_reviewers(record.page_id):
            sent += 1
        else:
            failed += 1
    return sent, failed


def send_contributor_update(record_id):
    """Tell a contributor who agreed to be contacted that their story's status changed.
    The email carries no story text and no link (only the contributor holds the link)."""
    record = ContributorRecord.objects.filter(pk=record_id).first()
    if record is None or not record.consent_contact or not record.email:
        return False
    with translation.override(record.language or settings.LANGUAGE_CODE):
        context = {"state": record.get_state_display()}
        subject = render_to_string("stories/email/update_subject.txt", context).strip()
        body = render_to_string("stories/email/update.txt", context)
    try:
        with outgoing(Kind.STORY_UPDATE) as sending:
            send_mail(subject, body, None, [record.email])
    except MAIL_ERRORS as error:
        logger.warning("Could not send a contributor's status update (%s).", type(error).__name__)
        return False
    record.remember_delivery(sending.delivery_id)
    return True
