"""Admin forms for the shared base page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.cocreation.organisations import organisations_of
from home.cocreation.permissions import is_organisation_scoped


class OpenlyPageForm(WagtailAdminPageForm):
    """Partner editors and leads may only give a page one of their own organisations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisation")
        user = self.for_user
        if field is None or user is None or user.is_superuser:
            return
        if not is_organisation_scoped(user):
            return
        own = organisations_of(user)
        current = getattr(self.instance, "organisation_id", None)
        if current is not None and not own.filter(pk=current).exists():
            # A moderator may have moved the page; keep what is there visible but fixed.
            field.disabled = True
            return
        field.queryset = own
        field.help_text = _("The partner organisation responsible for this page (yours).")
        if current is None and own.count() == 1:
            field.initial = own.first().pk
