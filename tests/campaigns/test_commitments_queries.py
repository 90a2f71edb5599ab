"""Query budgets of the commitments pages: the same number of queries with 5 and with 500
plans (the index, the campaign's signatories) and with 5 and 500 actions (a plan)."""

import datetime

import pytest

from campaigns.commitments.models import CommitmentAction
from tests.campaigns.commitment_fixtures import bulk_plans, make_plan, organisations_in
from tests.queries import warm_count

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

COUNTRIES = ("FR", "IE", "DE", "UA", "PL", "IT")
# The ceiling for every public page (tests/home/test_query_budgets.py).
CEILING = 15


def test_index_query_budget_does_not_grow_with_plans(client, commitment_index, concordat):
    organisations = organisations_in(*COUNTRIES)
    bulk_plans(commitment_index, concordat, 5, organisations)
    urls = ["/en/commitments/", "/en/commitments/?country=FR&progress=overdue"]
    few = [warm_count(client, url) for url in urls]
    bulk_plans(commitment_index, concordat, 495, organisations)
    many = [warm_count(client, url) for url in urls]
    assert few == many
    assert max(few) <= CEILING
    html = client.get("/en/commitments/?page=2").content.decode()
    assert "1 of 3 actions done" in html and "1 overdue" in html


def test_plan_query_budget_does_not_grow_with_actions(client, commitment_index, concordat):
    plan = make_plan(commitment_index, concordat)

    def add_actions(count, start):
        CommitmentAction.objects.bulk_create(
            CommitmentAction(
                page=plan,
                locale_id=plan.locale_id,
                action=f"Action {number}",
                status="in_progress",
                due=datetime.date(2026, 1, 1),
                sort_order=number,
            )
            for number in range(start, start + count)
        )

    add_actions(5, 0)
    url = f"/en/commitments/{plan.slug}/"
    few = warm_count(client, url)
    add_actions(495, 5)
    many = warm_count(client, url)
    assert few == many <= CEILING
    assert "500 overdue" in client.get(url).content.decode()


def test_campaign_signatories_query_budget(client, commitment_index, concordat):
    organisations = organisations_in(*COUNTRIES)
    bulk_plans(commitment_index, concordat, 5, organisations)
    url = f"/en/campaigns/{concordat.slug}/"
    few = warm_count(client, url)
    bulk_plans(commitment_index, concordat, 495, organisations)
    many = warm_count(client, url)
    assert few == many <= CEILING
