from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from campaigns.related import register_related_kind
from home import registry
from home.sections import register_listing


class StoriesConfig(AppConfig):
    """Success stories and the consent-first submission flow for people with lived
    experience. A separate app (label `stories`) inside campaigns/, so that contributor
    records and their permissions are isolated from the rest of the content."""

    name = "campaigns.stories"
    label = "stories"
    verbose_name = _("Success stories")

    def ready(self):
        # In ready(): these modules import the story models, which load after this config.
        from campaigns.stories import models, signals
        from campaigns.stories.models.index import latest_stories

        signals.connect()
        registry.search_types.register("stories", models.StoryPage, order=30)
        register_related_kind("stories", models.StoryPage, order=10)
        register_listing(
            "latest_stories",
            _("Latest stories"),
            "components/story_home_listing.html",
            latest_stories,
        )

        # Demo content for `manage.py load_demo` (imported here: the loader needs models).
        from campaigns.stories import demo_content

        registry.demo_loaders.register("campaigns.stories", demo_content.load, order=30)
