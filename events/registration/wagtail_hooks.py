"""Admin for registration: the organisers' menu item and views (admin_views)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from events.registration import admin_views
from home.cocreation.organisations import organisation_ids
from home.cocreation.roles import is_moderator


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("registrations/", admin_views.index, name="registration_admin_index"),
        path(
            "registrations/<int:page_id>/",
            admin_views.registrants,
            name="registration_admin_registrants",
        ),
        path(
            "registrations/<int:page_id>/set-up/",
            admin_views.edit_setup,
            name="registration_admin_setup",
        ),
        path(
            "registrations/<int:page_id>/export.csv",
            admin_views.export,
            name="registration_admin_export",
        ),
    ]


class OrganisersMenuItem(MenuItem):
    """Shown to moderators and to the editors and leads of an organisation."""

    def is_shown(self, request):
        return is_moderator(request.user) or bool(organisation_ids(request.user))


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def registration_button(page, user, view_name=None, next_url=None):
    """ "Registration" in an event's admin menus, for its organisers and moderators."""
    specific_class = page.specific_class
    if specific_class is admin_views.event_model() and admin_views.organises(user, page.specific):
        yield Button(
            _("Registration"),
            reverse("registration_admin_registrants", args=[page.pk]),
            icon_name="group",
            priority=80,
        )


@hooks.register("register_admin_menu_item")
def register_registration_menu_item():
    return OrganisersMenuItem(
        _("Event registrations"),
        reverse("registration_admin_index"),
        name="event-registrations",
        icon_name="group",
        order=450,
    )
