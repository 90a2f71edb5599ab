"""The registration part of the event page: places, the form, or the external link."""

from django import template

from events.registration.models import RegistrationSetup
from events.registration.public import RegistrationForm

register = template.Library()


def setup_for(page):
    """The page's registration set-up with its counts, read once per page object."""
    if not hasattr(page, "_registration_setup"):
        page._registration_setup = RegistrationSetup.objects.for_event(page)
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
