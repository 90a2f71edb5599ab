from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry


class StoriesConfig(AppConfig):
    """Success stories and the consent-first submission flow for people with lived
    experience. A separate app (label `stories`) inside campaigns/, so that contributor
    records and their permissions are isolated from the rest of the content."""

    name = "campaigns.stories"
    label = "stories"
    verbose_name = _("Success stories")

    def ready(self):
        from campaigns.stories import signals, views
        from home.sections import register_listing

        signals.connect()
        register_listing(
            "latest_stories",
            _("Latest stories"),
            "components/story_home_listing.html",
            views.latest_stories,
        )

        # Demo content for `manage.py load_demo` (imported here: the loader needs models).
        from campaigns.stories import demo_content

        registry.demo_loaders.register("campaigns.stories", demo_content.load, order=30)
