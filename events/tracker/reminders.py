"""Reminder emails to the owners of actions: a set number of days before the due date
(``OPENLY_ACTION_REMINDER_DAYS``) and once when the action is overdue. Run every day by
the worker (``manage.py send_action_reminders``, a periodic job).

Each reminder is sent once per action, kind and due date (an ActionReminder row claims it
in the transaction that queues the emails), so runs every day, or twice, repeat nothing;
a new due date starts again. Done actions get none. The owners are the owning
organisation's leads and editors, each written to in their own admin language, with the
action as their language's page says it where it is translated. Emails go through the
durable mail path (home.mail). Logs carry counts only: never an address, a name or the
action's text.
"""

import datetime
import logging
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.choices import ActionStatus
from events.tracker.conf import reminder_days
from events.tracker.models import ActionReminder, TrackedAction
from home.cache import default_locale
from home.mail.deliveries import Kind, outgoing

logger = logging.getLogger(__name__)

MAIL_ERRORS = (SMTPException, OSError)


def due_actions(today):
    """{key: [its rows in every language]} of the actions a reminder may be due for:
    not done, with an owner and a due date at most ``reminder_days()`` away."""
    horizon = today + datetime.timedelta(days=reminder_days())
    rows = (
        TrackedAction.objects.exclude(status=ActionStatus.DONE)
        .exclude(organisation=None)
        .filter(due__lte=horizon, source_page__live=True)
        .select_related("organisation", "source_page", "locale")
        .order_by("key", "pk")
    )
    found = {}
    for row in rows:
        found.setdefault(row.key, []).append(row)
    return found


def kind_for(due, today):
    return ActionReminder.OVERDUE if due < today else ActionReminder.BEFORE


def owners(organisations):
    """{organisation id: [(email, language)]} of the active leads and editors with an
    email address (one query)."""
    groups = {}
    for organisation in organisations:
        for group_id in (organisation.leads_group_id, organisation.editors_group_id):
            if group_id:
                groups[group_id] = organisation.pk
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=list(groups))
        .exclude(email="")
        .values_list("email", "wagtail_userprofile__preferred_language", "groups")
    )
    found = {}
    for email, language, group_id in users:
        if group_id in groups:
            found.setdefault(groups[group_id], set()).add(
                (email, language or settings.LANGUAGE_CODE)
            )
    return {key: sorted(value) for key, value in found.items()}


def _pick(rows, language):
    """The row in ``language``, else the source language's, else the first."""
    by_language = {row.locale.language_code: row for row in rows}
    return by_language.get(language) or by_language.get(default_locale().language_code) or rows[0]


def _admin_url(page_id):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("wagtailadmin_pages:edit", args=[page_id])


def _email(row, kind, language, today):
    """(subject, body) of a reminder about ``row``, in ``language``."""
    with translation.override(language):
        context = {
            "action": row,
            "overdue": kind == ActionReminder.OVERDUE,
            "days_left": (row.due - today).days,
            "page_url": row.source_page.get_full_url(),
            "edit_url": _admin_url(row.source_page_id),
        }
        subject = render_to_string("tracker/email/reminder_subject.txt", context)
        body = render_to_string("tracker/email/reminder.txt", context)
    return " ".join(subject.split()), body


def send_reminders(today=None):
    """Send every reminder that is due and not sent yet. Returns (reminders, emails)."""
    today = today or timezone.localdate()
    actions = due_actions(today)
    organisations = {rows[0].organisation_id: rows[0].organisation for rows in actions.values()}
    contacts = owners(organisations.values())
    sent = {
        (key, due, kind)
        for key, due, kind in ActionReminder.objects.filter(key__in=list(actions)).values_list(
            "key", "due", "kind"
        )
    }
    reminders = emails = 0
    for key, rows in actions.items():
        first = rows[0]
        kind = kind_for(first.due, today)
        recipients = contacts.get(first.organisation_id, [])
        if (key, first.due, kind) in sent or not recipients:
            continue
        try:
            with transaction.atomic():
                ActionReminder.objects.create(
                    key=key, due=first.due, kind=kind, recipients=len(recipients)
                )
                for email, language in recipients:
                    subject, body = _email(_pick(rows, language), kind, language, today)
                    with outgoing(Kind.ACTION_REMINDER):
                        send_mail(subject, body, None, [email])
        except IntegrityError:
            continue  # another run claimed this reminder first
        except (*MAIL_ERRORS, DatabaseError) as error:
            logger.warning("An action reminder could not be queued (%s).", type(error).__name__)
            continue
        reminders += 1
        emails += len(recipients)
    logger.info("Action reminders: %s sent, %s email(s)", reminders, emails)
    return reminders, emails
