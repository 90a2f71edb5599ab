"""The admin's subject-access views on a contributor record, for story moderators: "Export
data" (the file the contributor would download, see subject_access) and "Erase now" (a
confirmation page saying what goes, then the erasure). They hang on the contributor-record
viewset (wagtail_hooks) with its permission policy, and its listing, inspect and edit views
offer them as buttons. Each check runs before the record is looked up, so a refused user
learns nothing about which records exist."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from campaigns.stories import subject_access
from campaigns.stories.models.contributor import ContributorRecord

EXPORT_PERMISSION = "view"
ERASE_PERMISSION = "change"


class SubjectAccessUrls:
    """The URL names of the two views, filled in by the viewset."""

    export_data_url_name = None
    erase_data_url_name = None

    def subject_access_urls(self, record):
        """(export URL or None, erase URL or None) for ``record``, each only when the user
        may use it."""
        export = erase = None
        if self.export_data_url_name and self.user_has_permission(EXPORT_PERMISSION):
            export = reverse(self.export_data_url_name, args=[record.pk])
        if self.erase_data_url_name and self.user_has_permission(ERASE_PERMISSION):
            erase = reverse(self.erase_data_url_name, args=[record.pk])
        return export, erase

    def subject_access_buttons(self, record, button_class=Button):
        export, erase = self.subject_access_urls(record)
        buttons = []
        if export:
            buttons.append(
                button_class(_("Export data"), url=export, icon_name="download", priority=40)
            )
        if erase:
            buttons.append(button_class(_("Erase now"), url=erase, icon_name="bin", priority=50))
        return buttons


class ContributorIndexView(SubjectAccessUrls, generic.IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *self.subject_access_buttons(instance, button_class=MenuItem),
        ]


class ContributorInspectView(SubjectAccessUrls, generic.InspectView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *self.subject_access_buttons(self.object)]


class ContributorEditView(SubjectAccessUrls, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *self.subject_access_buttons(self.object)]


class RecordViewMixin(PermissionCheckedMixin):
    """A view of one contributor record, refused (403) by the record permission policy
    before the record is read."""

    model = ContributorRecord

    @cached_property
    def object(self):
        return get_object_or_404(ContributorRecord.objects.select_related("page"), pk=self.pk)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]


class ExportDataView(RecordViewMixin, View):
    """The contributor's data as the JSON file they would download themselves, in their
    language; the audit log records the export and who made it."""

    permission_required = EXPORT_PERMISSION

    def get(self, request, pk):
        return subject_access.export_for(self.object, request.user, request)

    post = get


class EraseDataView(RecordViewMixin, WagtailAdminTemplateMixin, TemplateView):
    """ "Erase now": a confirmation page listing what will be erased, then the erasure
    (subject_access.erase_on_request) and back to the record."""

    permission_required = ERASE_PERMISSION
    template_name = "stories/admin/erase_contributor.html"
    page_title = _("Erase contributor data")
    header_icon = "user"
    index_url_name = None
    inspect_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(ContributorRecord._meta.verbose_name_plural),
            },
            {"url": self.record_url(), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def record_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "erased": subject_access.erasure_summary(self.object),
                "cancel_url": self.record_url(),
            }
        )
        return context

    def post(self, request, pk):
        subject_access.erase_on_request(self.object, request.user)
        messages.success(
            request,
            _("%(record)s: the contributor's data was erased.") % {"record": self.object},
        )
        if ContributorRecord.objects.filter(pk=self.object.pk).exists():
            return redirect(self.record_url())
        return redirect(self.index_url_name)
