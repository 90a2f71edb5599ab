"""Emails to registrants, in their own language, through the durable mail path (home.mail):
the confirmation (a place or a waiting-list spot) with the event's calendar file and the
private cancel link, the news that a place came free, and — when an address registers
again — a note to that address only (the page says nothing about who registered)."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from events.ics import build_calendar
from home.mail.deliveries import Kind, outgoing

logger = logging.getLogger(__name__)

MAIL_ERRORS = (SMTPException, OSError)


def cancel_url(page, token):
    """The registrant's private link to cancel, on ``page`` (their language's page)."""
    return page.get_full_url() + page.reverse_subpage("cancel_registration", args=[token])


def page_in(setup, language):
    """The event's live page in ``language``, else the page the set-up was made for."""
    # Through Page: events.models imports this app, so this module cannot import it.
    page = (
        Page.objects.live()
        .filter(translation_key=setup.translation_key, locale__language_code=language)
        .specific()
        .first()
    )
    return page or setup.event


def _send(registrant, page, template, context, calendar=True):
    language = registrant.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"event": page, "page_url": page.get_full_url(), **context}
        subject = " ".join(
            render_to_string(f"registration/email/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"registration/email/{template}.txt", context)
        message = EmailMessage(subject, body, None, [registrant.email])
        if calendar:
            ical = build_calendar(None, [page]).to_ical()
            message.attach(f"{page.slug}.ics", ical, "text/calendar")
    try:
        with outgoing(Kind.EVENT_REGISTRATION):
            message.send()
    except MAIL_ERRORS as error:
        # The queue stores the email; only a failure to store it reaches here.
        logger.warning("A registration email could not be queued (%s).", type(error).__name__)


def send_confirmation(registrant, page, token):
    """A place (with the calendar file), or a spot on the waiting list; the cancel link."""
    waiting = registrant.status == registrant.Status.WAITING
    context = {"waiting": waiting, "cancel_url": cancel_url(page, token)}
    # The calendar file comes with a place (now, or with the email saying a place is free).
    _send(registrant, page, "confirmation", context, calendar=not waiting)


def send_promoted(registrant):
    """A place came free and is theirs now."""
    _send(registrant, page_in(registrant.setup, registrant.language), "promoted", {})


def send_already_registered(registrant, page):
    """Someone registered this address again: tell its owner, and only them."""
    _send(registrant, page, "already", {}, calendar=False)
