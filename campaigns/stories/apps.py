from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Success stories and the consent-first submission flow for people with lived
    experience. A separate app (label `stories`) inside campaigns/, so that contributor
    records and their permissions are isolated from the rest of the content."""

    name = "campaigns.stories"
    label = "stories"
    verbose_name = _("Success stories")

    def ready(self):
        from campaigns.stories import signals, views
        from campaigns.stories.roles import configure_roles
        from home.registry import role_grants
        from home.sections import register_listing

        # Home's registries: roles.
        role_grants.register("stories", configure_roles, order=20)

        signals.connect()
        register_listing(
            "latest_stories",
            _("Latest stories"),
            "components/story_home_listing.html",
            views.latest_stories,
        )
