"""Factories for campaign pages, resources and pledge signatures."""

import datetime
import uuid

import factory
import wagtail_factories

from campaigns import models
from campaigns.commitments.models import CommitmentAction, CommitmentIndexPage, CommitmentPage
from tests.factories import PartnerOrganisationFactory


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campaigns"
    slug = "campaigns"
    intro = "What the coalition campaigns for."

    class Meta:
        model = models.CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    summary = "Talking openly about mental health."
    start_date = datetime.date(2026, 10, 1)
    end_date = datetime.date(2026, 10, 31)
    organisation = factory.SubFactory(PartnerOrganisationFactory)

    class Meta:
        model = models.CampaignPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"
    intro = "Evidence-based information in plain language."

    class Meta:
        model = models.ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "What it is and where to find help."
    format = "article"
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Depression is common and treatable.</p>"}]
    )

    class Meta:
        model = models.ResourcePage


class PledgeSignatureFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Signer {n}")
    country = "FR"
    status = "approved"
    idempotency_key = factory.LazyFunction(uuid.uuid4)

    class Meta:
        model = models.PledgeSignature


# Commitments and action plans (campaigns.commitments).


class CommitmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Commitments"
    slug = "commitments"
    intro = "What organisations commit to, and how far they have got."

    class Meta:
        model = CommitmentIndexPage


class CommitmentPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda page: f"{page.organisation.name}: our commitment")
    slug = factory.LazyAttribute(lambda page: page.organisation.slug)
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    statement = "We put prevention at the heart of our local mental health plan."
    signed_on = datetime.date(2026, 3, 1)
    review_date = datetime.date(2027, 3, 1)

    class Meta:
        model = CommitmentPage


class CommitmentActionFactory(factory.django.DjangoModelFactory):
    action = factory.Sequence(lambda n: f"Action {n}: train school nurses")
    lead = "Schools team"
    due = datetime.date(2026, 12, 1)
    status = "planned"

    class Meta:
        model = CommitmentAction
