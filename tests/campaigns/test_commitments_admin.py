"""Commitments in the admin: who may edit which organisation's plan, the editor round trip
through the workflow, and the coordinators' follow-up reports."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from campaigns.commitments.models import CommitmentAction, CommitmentPage
from campaigns.models import CampaignPage
from home.cocreation.workflows import CAMPAIGN_WORKFLOW
from tests.campaigns.commitment_fixtures import make_plan
from tests.campaigns.factories import CommitmentIndexPageFactory
from tests.home.factories import world  # noqa: F401 (the co-creation fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture
def plans(world):  # noqa: F811
    """The commitment index, and a plan of each of the world's two organisations."""
    campaign = world.pages_a["campaign"]
    CampaignPage.objects.filter(pk=campaign.pk).update(
        pledge_statement="We adopt the Prevention Concordat for Better Mental Health."
    )
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    index = CommitmentIndexPageFactory(parent=world.home)
    plan_a = make_plan(
        index,
        campaign,
        statuses=["in_progress", "done"],
        dues=[datetime.date(2026, 10, 1)],
        organisation=world.org_a,
    )
    plan_b = make_plan(
        index,
        campaign,
        statuses=["planned"],
        review_date=datetime.date(2026, 11, 1),
        organisation=world.org_b,
    )
    return index, plan_a, plan_b


def _form(plan, statement):
    actions = [
        {
            "id": action.pk,
            "action": action.action,
            "lead": action.lead,
            "due": action.due.isoformat() if action.due else "",
            "status": action.status,
            "evidence_url": action.evidence_url,
        }
        for action in plan.actions.all()
    ]
    actions.append(
        {
            "action": "Publish a local prevention plan",
            "lead": "Public health team",
            "due": "2027-03-01",
            "status": "planned",
            "evidence_url": "",
        }
    )
    return nested_form_data(
        {
            "title": plan.title,
            "slug": plan.slug,
            "summary": "",
            "organisation": plan.organisation_id,
            "campaign": plan.campaign_id,
            "statement": statement,
            "signed_on": plan.signed_on.isoformat(),
            "review_date": plan.review_date.isoformat(),
            "actions": inline_formset(actions, initial=len(actions) - 1),
            "updates": inline_formset([]),
        }
    )


def test_partner_editor_edits_their_own_plan_and_submits_it(client, world, plans):  # noqa: F811
    _index, plan_a, _plan_b = plans
    client.force_login(world.editor_a)
    url = reverse("wagtailadmin_pages:edit", args=[plan_a.pk])
    assert client.get(url).status_code == 200
    data = _form(plan_a, "We will put prevention first in every district.")
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = CommitmentPage.objects.get(pk=plan_a.pk)
    draft = page.get_latest_revision_as_object()
    assert draft.statement == "We will put prevention first in every district."
    assert len(draft.actions.all()) == 3
    # Through the usual workflow: submitted for review, not published by the editor.
    assert page.current_workflow_state is not None
    assert page.statement != draft.statement


def test_a_second_editor_of_the_organisation_may_edit_it_too(client, world, plans):  # noqa: F811
    _index, plan_a, _plan_b = plans
    client.force_login(world.editor_a2)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[plan_a.pk])).status_code == 200


def test_editor_of_another_organisation_cannot_edit_the_plan(client, world, plans):  # noqa: F811
    _index, _plan_a, plan_b = plans
    client.force_login(world.editor_a)
    url = reverse("wagtailadmin_pages:edit", args=[plan_b.pk])
    assert client.get(url).status_code in (302, 403)
    before = CommitmentPage.objects.get(pk=plan_b.pk)
    revisions = before.revisions.count()
    response = client.post(url, _form(plan_b, "Forged statement"))
    assert response.status_code in (302, 403)
    after = CommitmentPage.objects.get(pk=plan_b.pk)
    assert after.statement == before.statement
    assert after.revisions.count() == revisions
    assert CommitmentAction.objects.filter(page=plan_b).count() == 1


def test_lead_of_another_organisation_cannot_edit_the_plan(client, world, plans):  # noqa: F811
    _index, plan_a, _plan_b = plans
    client.force_login(world.lead_b)
    url = reverse("wagtailadmin_pages:edit", args=[plan_a.pk])
    assert client.get(url).status_code in (302, 403)


def test_moderator_and_translator_rights(world, plans):  # noqa: F811
    _index, plan_a, plan_b = plans
    for plan in (plan_a, plan_b):
        permissions = plan.permissions_for_user(world.moderator)
        assert permissions.can_edit() and permissions.can_publish()
    assert not plan_a.permissions_for_user(world.editor_a).can_publish()
    # Translators edit only pages in their languages: not the English plan.
    assert not plan_a.permissions_for_user(world.translator).can_edit()
    assert not plan_a.permissions_for_user(world.contributor).can_edit()


def test_partner_editor_may_add_a_plan_for_their_organisation_only(client, world, plans):  # noqa: F811
    index, _plan_a, _plan_b = plans
    client.force_login(world.editor_a)
    url = reverse("wagtailadmin_pages:add", args=["commitments", "commitmentpage", index.pk])
    response = client.get(url)
    assert response.status_code == 200
    offered = [
        str(value) for value, _label in response.context["form"]["organisation"].field.choices
    ]
    assert str(world.org_a.pk) in offered
    assert str(world.org_b.pk) not in offered


def test_overdue_actions_report(client, world, plans):  # noqa: F811
    _index, plan_a, _plan_b = plans
    client.force_login(world.moderator)
    response = client.get(reverse("commitments_overdue_actions"))
    assert response.status_code == 200
    html = response.content.decode()
    assert plan_a.title in html
    assert "Action" in html
    rows = list(response.context["object_list"])
    assert [row.page_id for row in rows] == [plan_a.pk]  # the done one is not overdue
    filtered = client.get(
        reverse("commitments_overdue_actions") + f"?organisation={world.org_b.pk}"
    )
    assert list(filtered.context["object_list"]) == []
    by_country = client.get(
        reverse("commitments_overdue_actions") + f"?country={world.org_a.country.code}"
    )
    assert len(by_country.context["object_list"]) == 1
    csv = client.get(reverse("commitments_overdue_actions") + "?export=csv")
    assert plan_a.title in b"".join(csv.streaming_content).decode()


def test_past_review_report_in_the_editors_language(client, world, plans):  # noqa: F811
    _index, plan_a, plan_b = plans
    client.force_login(world.moderator)
    response = client.get(reverse("commitments_past_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert plan_b.title in html
    assert plan_a.title not in html
    profile = UserProfile.get_for_user(world.moderator)
    profile.preferred_language = "fr"
    profile.save()
    french = client.get(reverse("commitments_past_review")).content.decode()
    assert "Date de révision" in french


def test_reports_are_for_coordinators_only(client, world, plans):  # noqa: F811
    client.force_login(world.editor_a)
    for name in ("commitments_overdue_actions", "commitments_past_review"):
        assert client.get(reverse(name)).status_code in (302, 403)
    assert reverse("commitments_overdue_actions") not in client.get("/admin/").content.decode()
    client.force_login(world.moderator)
    menu = client.get("/admin/").content.decode()
    assert reverse("commitments_overdue_actions") in menu
    assert reverse("commitments_past_review") in menu


def test_the_pages_are_in_the_campaign_workflow(world, plans):  # noqa: F811
    _index, plan_a, _plan_b = plans
    workflow = Page.objects.get(pk=plan_a.pk).get_workflow()
    assert workflow is not None
    assert workflow.pk == world.workflows[CAMPAIGN_WORKFLOW].pk
