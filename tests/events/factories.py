"""Factories for event pages and what hangs off them."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventActionPoint, EventIndexPage, EventPage, EventSession, EventSpeaker
from tests.factories import PartnerOrganisationFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    week_start = datetime.date(2026, 10, 5)
    week_end = datetime.date(2026, 10, 11)

    class Meta:
        model = EventIndexPage


def athens(*args):
    """An aware datetime in Athens."""
    return datetime.datetime(*args, tzinfo=ZoneInfo("Europe/Athens"))


class EventPageFactory(wagtail_factories.PageFactory):
    """An in-person event in Athens with one session tomorrow evening (use ``sessions=``
    to give a list of (start, end) pairs)."""

    title = factory.Sequence(lambda n: f"Community conversation {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "An open conversation about mental health and stigma."
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    time_zone = "Europe/Athens"
    format = "in_person"
    venue_name = "Town library"
    address = "Odos Panepistimiou 32"
    city = "Athens"
    country = "GR"
    languages = factory.LazyFunction(lambda: ["el", "en"])
    accessibility = factory.LazyFunction(lambda: ["step_free"])

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sessions(obj, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            start = timezone.now().astimezone(obj.zone).replace(
                hour=18, minute=0, second=0, microsecond=0
            ) + datetime.timedelta(days=1)
            extracted = [(start, start + datetime.timedelta(hours=2))]
        for start, end in extracted:
            EventSession.objects.create(page=obj, start=start, end=end, locale=obj.locale)


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "speaker"
    page = factory.SubFactory(EventPageFactory)
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = EventSpeaker


class EventActionPointFactory(factory.django.DjangoModelFactory):
    action = factory.Sequence(lambda n: f"Action {n}: train school nurses")
    owner = factory.SubFactory(PartnerOrganisationFactory)
    status = "planned"
    page = factory.SubFactory(EventPageFactory)
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = EventActionPoint
