"""Admin screens for the site-wide snippets: partner organisations, crisis helplines and
the shared taxonomy. Registered from HomeConfig.ready()."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, SnippetViewSet

from home.models import Audience, CrisisHelpline, PartnerOrganisation, Topic


class CrisisHelplineViewSet(SnippetViewSet):
    """Helplines, filterable by country and language, with when they were last checked."""

    model = CrisisHelpline
    icon = "help"
    menu_label = _("Crisis helplines")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "country", "phone", "locale", "last_verified"]
    list_filter = ["country", "locale"]
    search_fields = ["name", "description", "phone"]
    ordering = ["country", "sort_order", "name"]


class TopicViewSet(SnippetViewSet):
    """Topics shared by campaigns, resources, stories and events."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    """Audiences shared by campaigns, resources and events."""

    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]


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


class PartnerOrganisationViewSet(SnippetViewSet):
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


def register():
    """Register the foundation's snippets with the admin (called once at start-up)."""
    for viewset in (
        PartnerOrganisationViewSet,
        CrisisHelplineViewSet,
        TopicViewSet,
        AudienceViewSet,
    ):
        register_snippet(viewset)
