"""Admin wiring of working groups: the "Start a working group" button on event pages and
its view's address (the rules are in events.working_groups.start)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from events.models import EventPage
from events.working_groups.start import can_start
from events.working_groups.views import StartWorkingGroupView


@hooks.register("register_admin_urls")
def working_group_urls():
    return [
        path(
            "working-groups/start/<int:event_id>/",
            StartWorkingGroupView.as_view(),
            name="working_groups_start",
        )
    ]


@hooks.register("register_page_header_buttons")
def start_working_group_button(page, user, view_name, next_url=None):
    """In the "…" menu of an event page's header, for those who may use it. (Not in the
    page listings' menus: checking each row would cost queries per event listed.)"""
    event = page.specific_deferred
    if isinstance(event, EventPage) and can_start(event, user):
        url = reverse("working_groups_start", args=[page.pk])
        yield Button(_("Start a working group"), url, icon_name="group", priority=75)
