from datetime import time, timedelta

from django.apps import AppConfig
from django.core.checks import register
from django.utils.translation import gettext_lazy as _

from campaigns.related import register_related_kind
from home import registry
from home.jobs.periodic import Job, register_job
from home.public_forms import register_public_form
from home.sections import register_listing


class StoriesConfig(AppConfig):
    """Success stories and the consent-first submission flow for people with lived
    experience. A separate app (label `stories`) inside campaigns/, so that contributor
    records and their permissions are isolated from the rest of the content."""

    name = "campaigns.stories"
    label = "stories"
    verbose_name = _("Success stories")

    def ready(self):
        """Connect the lifecycle's signal adapters and plug stories into home."""
        # Inside ready(): these modules import the story models, which load after this config.
        from campaigns.stories import (
            api,
            checks,
            demo_content,
            forms,
            impact,
            models,
            roles,
            signals,
            tokens,
            workflow,
        )

        signals.connect()
        register(checks.erasure_ledger_storage)
        registry.role_grants.register("stories", roles.configure_roles, order=20)
        registry.search_types.register("stories", models.StoryPage, order=30)
        registry.api_endpoints.register("stories", api.StoryEndpoint, order=30)
        registry.impact_series.register("stories", impact.STORIES, order=30)
        for name, label in workflow.NAMES.items():
            registry.workflow_names.register(name, label)
        register_related_kind("stories", models.StoryPage, order=10)
        register_listing(
            "latest_stories",
            _("Latest stories"),
            "components/story_home_listing.html",
            models.index.latest_stories,
        )
        register_public_form(
            "story-share",
            models.StoryIndexPage,
            "share",
            fresh_fields=forms.fresh_fields,
            show_again=models.StoryIndexPage.share_again,
        )
        registry.demo_loaders.register("campaigns.stories", demo_content.load, order=30)
        # Private status links never reach a log line (the request and server logs name paths).
        registry.log_redactions.register(
            "story-status-tokens", (tokens.IN_URL_PATH, tokens.REDACTED_PATH)
        )
        register_job(
            Job(
                "erase_story_contributors",
                "erase_story_contributors",
                daily_at=time(3, 15),
                description="Erase withdrawn and declined stories' data after retention.",
            )
        )
        register_job(
            Job(
                "send_story_notifications",
                "send_story_notifications",
                every=timedelta(minutes=10),
                description="Retry reviewers' notices that could not be sent.",
            )
        )
