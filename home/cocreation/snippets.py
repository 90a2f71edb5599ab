"""The admin screens of partner organisations (registered from this app's wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, SnippetViewSet

from home.cocreation.models import PartnerOrganisation
from home.snippets import KeepsHomeSnippetURLs


class SavedByMixin:
    """Tell the organisation who saves it: set-up publishes its section in their name."""

    def save_instance(self):
        self.form.instance.saved_by = self.request.user
        return super().save_instance()


class PartnerOrganisationCreateView(SavedByMixin, CreateView):
    """Adding an organisation: the administrator approves its section's first version."""


class PartnerOrganisationEditView(SavedByMixin, EditView):
    """Editing an organisation (which recreates a section deleted by hand)."""


class PartnerOrganisationDeleteView(DeleteView):
    """Deleting an organisation says that its section goes with it."""

    @property
    def confirmation_message(self):
        parts = [
            str(super().confirmation_message),
            str(
                _(
                    "Its editors' and leads' groups are removed, and its media collection "
                    "too if it holds no images or documents."
                )
            ),
        ]
        section = self.object.section
        if section is not None:
            parts.append(
                _("Its page on the site, “%(title)s”, is deleted with it, in every language.")
                % {"title": section.title}
            )
        return " ".join(parts)


class PartnerOrganisationViewSet(KeepsHomeSnippetURLs, SnippetViewSet):
    """The coalition's partner organisations; saving one sets up its groups, collection
    and section (its own page under "Our partners")."""

    model = PartnerOrganisation
    add_view_class = PartnerOrganisationCreateView
    edit_view_class = PartnerOrganisationEditView
    delete_view_class = PartnerOrganisationDeleteView
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "country", "website"]
    list_filter = ["country"]
    search_fields = ["name"]
