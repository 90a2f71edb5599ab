"""Admin forms for the shared base page: the owning organisation of organisation-owned pages.

A page's ``organisation`` decides who may open it again (home.cocreation.permissions), so a
partner who saves a page without one, or with someone else's, locks themselves out. The
form therefore:

- offers partner editors and leads only their own organisations, in a plain list (Wagtail's
  snippet chooser would list every organisation): the one organisation already chosen
  when they have one, a required choice when they have several;
- requires the field on every save, drafts included: Wagtail defers required fields on
  draft saves when the database column may be empty, which the ownership field's is;
- says in the error which organisation to pick.

Administrators, moderators and anyone else who adds pages beyond their organisation keep the
full choice (the chooser). ``before_create_page`` / ``before_edit_page``
(home.cocreation.wagtail_hooks) refuse a forged organisation before the form runs.
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.cocreation.organisations import organisations_of
from home.cocreation.permissions import is_organisation_scoped

OWNER_FIELD = "organisation"


def own_organisation_choices(user):
    """The organisations ``user`` may give content to, or None when they may choose any
    (administrators, moderators: whoever adds pages beyond a partner organisation)."""
    if user is None or user.is_superuser or not is_organisation_scoped(user):
        return None
    return list(organisations_of(user))


def _names(organisations):
    return ", ".join(organisation.name for organisation in organisations)


class OwnershipFormMixin:
    """The ownership rules above, for an admin model form with an ``organisation`` field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(OWNER_FIELD)
        if field is None or field.disabled:
            return
        field.required = True
        field.error_messages["required"] = _(
            "Choose the partner organisation responsible for this page. Its editors can "
            "edit the page and its lead reviews it."
        )
        own = own_organisation_choices(self.for_user)
        if own is None:
            return
        current = getattr(self.instance, "organisation_id", None)
        if current is not None and current not in {o.pk for o in own}:
            # A moderator may have moved the page; keep what is there visible but fixed.
            field.disabled = True
            return
        self._limit_to(field, own, current)

    def _limit_to(self, field, own, current):
        field.widget = forms.Select()
        field.queryset = field.queryset.filter(pk__in=[o.pk for o in own])
        names = _names(own)
        field.error_messages["invalid_choice"] = format_lazy(
            _("You can only choose one of your own organisations: {names}."), names=names
        )
        field.error_messages["required"] = format_lazy(
            _(
                "Choose the organisation responsible for this page: {names}. Without it, "
                "nobody in your organisation could open the page again."
            ),
            names=names,
        )
        if not own:
            field.error_messages["required"] = _(
                "You are not a member of any partner organisation yet, so you cannot save "
                "this page. Ask an administrator to add you to your organisation."
            )
        elif len(own) == 1:
            # The only possible answer: chosen already, with no empty option to fall back to.
            field.empty_label = None
            if current is None and not self.is_bound:
                self.initial[OWNER_FIELD] = own[0].pk
            field.help_text = format_lazy(
                _(
                    "{name}, your organisation: its editors can edit this page and its lead "
                    "reviews it before publication."
                ),
                name=names,
            )
        else:
            field.empty_label = _("Choose one of your organisations")
            field.help_text = _(
                "Which of your organisations is responsible for this page: its editors can "
                "edit the page and its lead reviews it before publication."
            )

    def defer_required_fields(self):
        """Saving a draft defers Wagtail's required fields, but never this one: a draft
        without an organisation is a page nobody in a partner organisation can open."""
        super().defer_required_fields()
        if OWNER_FIELD in self.deferred_required_fields:
            self.deferred_required_fields.remove(OWNER_FIELD)
            self.fields[OWNER_FIELD].required = True


class OpenlyPageForm(OwnershipFormMixin, WagtailAdminPageForm):
    """The base page form: the ownership rules for organisation-owned pages."""
