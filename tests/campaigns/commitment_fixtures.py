"""Fixtures shared by the commitments tests: a campaign with a pledge organisations sign,
the commitments index, and plans built fast."""

import datetime

import pytest
import time_machine

from campaigns.commitments.models import CommitmentAction, CommitmentPage
from tests.bulk import bulk_pages
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CommitmentActionFactory,
    CommitmentIndexPageFactory,
    CommitmentPageFactory,
)
from tests.factories import PartnerOrganisationFactory

# Every commitments test runs on this day, so due and review dates mean the same each run.
TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def frozen_today():
    """Today is TODAY (use with ``pytest.mark.usefixtures``)."""
    with time_machine.travel(datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC), tick=False):
        yield TODAY


@pytest.fixture
def concordat(home_page):
    """A campaign whose pledge organisations sign: the prevention concordat."""
    index = CampaignIndexPageFactory(parent=home_page)
    return CampaignPageFactory(
        parent=index,
        title="Prevention Concordat for Better Mental Health",
        slug="prevention-concordat",
        pledge_statement="We adopt the Prevention Concordat for Better Mental Health.",
    )


@pytest.fixture
def commitment_index(home_page):
    return CommitmentIndexPageFactory(parent=home_page)


def make_plan(index, campaign, statuses=(), dues=(), **kwargs):
    """A live plan with one action per status (due dates from ``dues``, else next year)."""
    plan = CommitmentPageFactory(parent=index, campaign=campaign, **kwargs)
    for number, status in enumerate(statuses):
        due = dues[number] if number < len(dues) else datetime.date(2027, 6, 1)
        CommitmentActionFactory(page=plan, status=status, due=due, locale=plan.locale)
    return plan


def bulk_plans(index, campaign, count, organisations, actions_each=3):
    """``count`` live plans (organisations taken in turn) with ``actions_each`` actions
    each, one of them overdue, inserted in bulk."""
    plans = bulk_pages(
        index,
        CommitmentPage,
        count,
        lambda number: {
            "title": f"Plan {number}",
            "slug": f"plan-{number}",
            "organisation": organisations[number % len(organisations)],
            "campaign": campaign,
            "statement": "We commit to prevention.",
            "signed_on": datetime.date(2026, 1, 1),
            "review_date": datetime.date(2027, 1, 1),
        },
    )
    actions = []
    for plan in plans:
        for number in range(actions_each):
            actions.append(
                CommitmentAction(
                    page_id=plan.pk,
                    locale_id=plan.locale_id,
                    action=f"Action {number}",
                    status="done" if number == 0 else "planned",
                    due=datetime.date(2026, 6, 1) if number == 1 else None,
                    sort_order=number,
                )
            )
    CommitmentAction.objects.bulk_create(actions, batch_size=500)
    return plans


def organisations_in(*countries):
    return [
        PartnerOrganisationFactory(
            country=code, name=f"Org {code} {n}", slug=f"org-{code}-{n}".lower()
        )
        for n, code in enumerate(countries)
    ]
