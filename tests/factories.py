"""Factories for the shared models. Each app's factories live in tests/<app>/factories.py."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from home import models
from home.cocreation.models import PartnerOrganisation


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page with a hero and no sections."""

    title = "Openly"
    hero_heading = "Let's talk openly about mental health"
    hero_text = "Campaigns, stories and events."

    class Meta:
        model = models.HomePage


class GetHelpPageFactory(wagtail_factories.PageFactory):
    title = "Get help now"
    slug = "get-help"
    intro = "<p>You are not alone.</p>"

    class Meta:
        model = models.GetHelpPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = models.StandardPage


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.Topic


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Audience {n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.Audience


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    country = "FR"
    website = "https://partner.example.org"

    class Meta:
        model = PartnerOrganisation


class CrisisHelplineFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Helpline {n}")
    country = "FR"
    phone = "3114"
    hours = "24 hours, every day"
    last_verified = datetime.date(2026, 9, 1)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = models.CrisisHelpline
