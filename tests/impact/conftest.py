"""Fixtures for the impact dashboard's tests: a small site with something of every
counted kind, public and not, at known months (built once per module)."""

import datetime

import wagtail_factories
from django.utils import timezone

from campaigns.models import PledgeSignature
from campaigns.stories.models import StoryPage
from events.registration.models import Registrant
from home.impact.models import ImpactPage
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CommitmentIndexPageFactory,
    CommitmentPageFactory,
    PledgeSignatureFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.registration_helpers import open_registration
from tests.events.tracker_helpers import ActionTrackerPageFactory, bulk_actions
from tests.factories import PartnerOrganisationFactory
from tests.sharing import shared_fixture
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory


class ImpactPageFactory(wagtail_factories.PageFactory):
    title = "Our impact"
    slug = "impact"

    class Meta:
        model = ImpactPage


def months_ago(months, day=10):
    """An aware datetime on ``day`` of the month ``months`` before this one."""
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - months
    return timezone.make_aware(datetime.datetime(index // 12, index % 12 + 1, day, 12))


def signatures(campaign, count, country, when, **fields):
    rows = PledgeSignatureFactory.create_batch(count, campaign=campaign, country=country, **fields)
    PledgeSignature.objects.filter(pk__in=[row.pk for row in rows]).update(created_at=when)
    return rows


def held_event(index, when, **fields):
    """A live event whose one session took place at ``when``."""
    return EventPageFactory(
        parent=index, sessions=[(when, when + datetime.timedelta(hours=2))], **fields
    )


def registrants(event, when, **statuses):
    """Registrations for ``event`` made at ``when``: {status: how many}."""
    setup = open_registration(event, capacity=10)
    Registrant.objects.bulk_create(
        Registrant(setup=setup, status=status, email=f"{status}-{n}@example.org", created_at=when)
        for status, count in statuses.items()
        for n in range(count)
    )


@shared_fixture
def impact_site(home_page):
    """The dashboard page and: 5 approved signatures (3 FR a month ago, 2 DE by
    organisations two months ago) plus a pending and a rejected one and one of a draft
    campaign; 2 live commitments (FR, DE) and a draft one; 2 live stories (FR, no country)
    and a draft; 2 events held (GR, online), a cancelled one, a future one, a draft one;
    registrations for the Greek event two months ago (2 with a place, 1 waiting, 1
    cancelled) and for the draft one; tracked actions."""
    page = ImpactPageFactory(parent=home_page)
    campaigns = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(
        parent=campaigns, pledge_statement="We adopt the Prevention Concordat."
    )
    signatures(campaign, 3, "FR", months_ago(1))
    signatures(campaign, 2, "DE", months_ago(2), kind="organisation")
    signatures(campaign, 1, "FR", months_ago(1), status="pending")
    signatures(campaign, 1, "FR", months_ago(1), status="rejected")
    hidden = CampaignPageFactory(parent=campaigns)
    hidden.unpublish()
    signatures(hidden, 4, "IT", months_ago(1))

    commitments = CommitmentIndexPageFactory(parent=home_page)
    france = PartnerOrganisationFactory(country="FR")
    germany = PartnerOrganisationFactory(country="DE")
    signed = months_ago(3).date()
    for organisation in (france, germany):
        CommitmentPageFactory(
            parent=commitments, campaign=campaign, organisation=organisation, signed_on=signed
        )
    draft = CommitmentPageFactory(
        parent=commitments, campaign=campaign, organisation=PartnerOrganisationFactory(country="IT")
    )
    draft.unpublish()

    stories = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories, country="FR")
    StoryPageFactory(parent=stories, country="")
    StoryPageFactory(parent=stories, country="IT").unpublish()
    StoryPage.objects.update(first_published_at=months_ago(1))

    events = EventIndexPageFactory(parent=home_page)
    greek = held_event(events, months_ago(1))
    registrants(greek, months_ago(2), confirmed=2, waiting=1, cancelled=1)
    held_event(
        events,
        months_ago(2),
        format="online",
        online_url="https://example.org/join",
        country="",
        venue_name="",
        address="",
        city="",
    )
    held_event(events, months_ago(1), status="cancelled")
    EventPageFactory(parent=events)
    unpublished = held_event(events, months_ago(1))
    registrants(unpublished, months_ago(2), confirmed=3)
    unpublished.unpublish()

    tracker = ActionTrackerPageFactory(parent=home_page)
    source = EventPageFactory(parent=events, title="Source of actions")
    bulk_actions(source, 6, germany)
    return {"page": page, "campaign": campaign, "tracker": tracker, "events": events}
