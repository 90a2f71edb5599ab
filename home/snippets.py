"""Admin screens for the site-wide snippets: crisis helplines and the shared taxonomy.
Registered from HomeConfig.ready()."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Audience, CrisisHelpline, Topic


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


def register():
    """Register the foundation's snippets with the admin (called once at start-up)."""
    for viewset in (
        CrisisHelplineViewSet,
        TopicViewSet,
        AudienceViewSet,
    ):
        register_snippet(viewset)


class KeepsHomeSnippetURLs:
    """For a snippet model moved out of the home app into a capability app: keep its admin
    addresses and URL names (``/admin/snippets/home/<model>/``,
    ``wagtailsnippets_home_<model>``), which bookmarks, emails and links already use. The
    chooser keeps Wagtail's own addresses under the new app label: wagtail-localize builds
    those from the model's app label."""

    @property
    def url_prefix(self):
        return f"snippets/home/{self.model_name}"

    @property
    def url_namespace(self):
        return f"wagtailsnippets_home_{self.model_name}"

    def on_register(self):
        super().on_register()
        hooks.register("register_admin_urls", self.new_label_urls)

    def new_label_urls(self):
        """The same views under the app label the model has now
        (``/admin/snippets/<app>/<model>/``, ``wagtailsnippets_<app>_<model>``): wagtail-localize
        builds its links to a snippet's edit view from the model's label (its translation
        editor, and the 'translate' and 'update translations' views), and answered 500 without
        them. The addresses above stay the ones the admin links to."""
        namespace = f"wagtailsnippets_{self.model._meta.app_label}_{self.model_name}"
        if namespace == self.url_namespace:
            return []
        prefix = f"snippets/{self.model._meta.app_label}/{self.model_name}/"
        return [path(prefix, include((self.get_urlpatterns(), namespace), namespace=namespace))]
