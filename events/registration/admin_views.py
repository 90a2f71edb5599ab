"""The organisers' admin for registration: their events with places taken, each event's
set-up, its registrants and a CSV export. Organisers are the editors and leads of the
event's organisation; moderators see every event. Anyone else gets 403 and sees nothing.
Every answer is private and never stored (registrants are personal data)."""

import csv

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page

from events.registration import lifecycle
from events.registration.models import Registrant, RegistrationSetup
from home.cocreation.organisations import organisation_ids
from home.cocreation.roles import is_moderator
from home.spreadsheets import FormulaSafeWriter


class SetupForm(forms.ModelForm):
    class Meta:
        model = RegistrationSetup
        fields = ["enabled", "capacity", "waiting_list", "closes_at"]
        widgets = {"closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


def organises(user, page):
    """May ``user`` see and manage registration for ``page``?"""
    return is_moderator(user) or (
        page.organisation_id is not None and page.organisation_id in organisation_ids(user)
    )


def event_model():
    """EventPage, read from the set-up's relation: events.models imports this app."""
    return RegistrationSetup.event.field.related_model


def visible_events(user):
    """The source-language event pages ``user`` organises (all of them for moderators)."""
    pages = event_model().objects.filter(locale=Locale.get_default())
    if not is_moderator(user):
        pages = pages.filter(organisation_id__in=organisation_ids(user))
    return pages.order_by("title")


def _event(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "organisation_id") or not organises(request.user, page):
        raise PermissionDenied
    return page


@never_cache
def index(request):
    """The user's events with registration set up or not, and places taken."""
    events = list(visible_events(request.user))
    if not events and not is_moderator(request.user):
        raise PermissionDenied
    counts = {
        setup.event_id: setup
        for setup in RegistrationSetup.objects.filter(event__in=events).annotate(
            confirmed=Count("registrants", filter=Q(registrants__status="confirmed")),
            waiting=Count("registrants", filter=Q(registrants__status="waiting")),
        )
    }
    rows = [(event, counts.get(event.pk)) for event in events]
    return TemplateResponse(request, "registration/admin/index.html", {"rows": rows})


@never_cache
def edit_setup(request, page_id):
    """Turn registration on this site on or off, with places, waiting list and closing."""
    page = _event(request, page_id)
    setup = RegistrationSetup.objects.filter(translation_key=page.translation_key).first()
    setup = setup or RegistrationSetup(event=page, translation_key=page.translation_key)
    form = SetupForm(request.POST or None, instance=setup)
    if request.method == "POST" and form.is_valid():
        lifecycle.settings_changed(form.save())
        return redirect("registration_admin_index")
    return TemplateResponse(request, "registration/admin/setup.html", {"form": form, "event": page})


def _registrants(page):
    return Registrant.objects.live().filter(setup__translation_key=page.translation_key)


@never_cache
def registrants(request, page_id):
    """The event's registrants: places first, then the waiting list in order."""
    page = _event(request, page_id)
    people = _registrants(page).order_by("-status", "created_at", "pk")
    return TemplateResponse(
        request, "registration/admin/registrants.html", {"event": page, "people": people}
    )


COLUMNS = [
    ("status", _("Status")),
    ("name", _("Name")),
    ("email", _("Email")),
    ("accessibility_needs", _("Accessibility needs")),
    ("created_at", _("Registered at")),
]


@never_cache
def export(request, page_id):
    """The registrants as CSV (cells that would start a formula are made text)."""
    page = _event(request, page_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrations-{page.slug}.csv"'
    writer = FormulaSafeWriter(csv.writer(response))
    writer.writerow([str(label) for _name, label in COLUMNS])
    for person in _registrants(page).order_by("-status", "created_at", "pk"):
        writer.writerow(
            [
                person.get_status_display(),
                person.name,
                person.email,
                person.accessibility_needs,
                person.created_at.isoformat(),
            ]
        )
    return response
