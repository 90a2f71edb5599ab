"""The registration part of the event page: places, the form, or the external link."""

from django import template

from events.registration.models import RegistrationSetup
from events.registration.public import RegistrationForm
from home.cache import cached_chrome

register = template.Library()


def _open_keys():
    """Translation keys of the events taking registrations here, kept for the content
    generation (every set-up's save starts a new one): most events take none, and their
    pages then ask the database nothing about registration."""
    return cached_chrome(
        "registration-open",
        [],
        lambda: [
            str(key)
            for key in RegistrationSetup.objects.filter(enabled=True).values_list(
                "translation_key", flat=True
            )
        ],
    )


def setup_for(page):
    """The page's open registration set-up with its counts (one query), or None; read
    once per page object."""
    if not hasattr(page, "_registration_setup"):
        setup = None
        if str(page.translation_key) in _open_keys():
            setup = RegistrationSetup.objects.for_event(page)
        page._registration_setup = setup
    return page._registration_setup


@register.simple_tag
def registers_here(page):
    """Whether people register for ``page`` on this site (the key details then link to
    the form instead of the page's external registration details)."""
    setup = setup_for(page)
    return bool(setup and setup.enabled)


@register.inclusion_tag("components/event_registration.html", takes_context=True)
def event_registration(context, page):
    """What the event page says about registering: the form with the places left when
    registration on this site is open, a notice when it is full or closed, else nothing
    (the page's own registration details then stand). One query, whatever the number of
    registrants. ``registration_form`` / ``registration_notice`` in the context are a
    form shown again with the reader's answers."""
    setup = setup_for(page)
    if setup is None or not setup.enabled:
        return {"setup": None}
    availability = setup.availability(page, setup.confirmed_count)
    return {
        "request": context.get("request"),
        "page": page,
        "setup": setup,
        "availability": availability,
        "form": context.get("registration_form") or RegistrationForm(),
        "notice": context.get("registration_notice"),
    }
