"""The admin view "Start a working group" on a workshop's event page: a confirmation
page, then a draft working group linked to the workshop (events.working_groups.start)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.models import EventPage
from events.working_groups.start import can_start, start_from_workshop


class StartWorkingGroupView(WagtailAdminTemplateMixin, TemplateView):
    """GET: what will be created; POST: create the draft and open it in the editor.
    Refused (403) to anyone who may not edit the workshop or add a working group."""

    template_name = "working_groups/admin/start_working_group.html"
    page_title = _("Start a working group")
    header_icon = "group"

    def dispatch(self, request, event_id):
        self.event = get_object_or_404(EventPage, pk=event_id)
        if not can_start(self.event, request.user):
            raise PermissionDenied
        return super().dispatch(request, event_id)

    def get_page_subtitle(self):
        return self.event.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "event": self.event,
                "cancel_url": reverse("wagtailadmin_pages:edit", args=[self.event.pk]),
            }
        )
        return context

    def post(self, request, event_id):
        group = start_from_workshop(self.event, request.user)
        return redirect("wagtailadmin_pages:edit", group.pk)
