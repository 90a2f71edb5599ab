"""Factories for stories and contributor records."""

import factory
import wagtail_factories
from django.utils import timezone

from campaigns.stories.models import ContributorRecord, StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    body = "<p>I found people who listened, and that changed everything for me.</p>"
    display_name = "Mira"
    country = "FR"

    class Meta:
        model = StoryPage


class ContributorRecordFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"contributor{n}@example.invalid")
    language = "en"
    consent_process = True
    consent_publish = True
    consent_version = "test-v1"
    consented_at = factory.LazyFunction(timezone.now)
    token_hash = factory.Sequence(lambda n: f"{n:064d}")

    class Meta:
        model = ContributorRecord
