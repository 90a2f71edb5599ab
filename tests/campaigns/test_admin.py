"""Admin pieces: the overdue-review report, the signature moderation listing and the
factories used across these tests."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.campaigns import factories
from tests.campaigns.factories import CampaignPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def test_every_factory_builds(campaign_index, resource_index):
    campaign = factories.CampaignPageFactory(parent=campaign_index)
    assert factories.ResourcePageFactory(parent=resource_index).pk
    assert factories.PledgeSignatureFactory(campaign=campaign).pk


@time_machine.travel(datetime.datetime(2026, 10, 15, 12, 0, tzinfo=datetime.UTC))
def test_report_lists_resources_past_their_review_date(admin_client, resource_index):
    ResourcePageFactory(
        parent=resource_index, title="Overdue guide", review_due=datetime.date(2026, 1, 1)
    )
    ResourcePageFactory(
        parent=resource_index, title="Fresh guide", review_due=datetime.date(2027, 1, 1)
    )
    ResourcePageFactory(parent=resource_index, title="Never reviewed", review_due=None)
    response = admin_client.get(reverse("campaigns_resources_past_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Overdue guide" in html
    assert "Fresh guide" not in html
    assert "Never reviewed" not in html
    csv = admin_client.get(reverse("campaigns_resources_past_review") + "?export=csv")
    assert "Overdue guide" in b"".join(csv.streaming_content).decode()


def test_report_is_in_the_reports_menu(admin_client, resource_index):
    html = admin_client.get("/admin/").content.decode()
    assert reverse("campaigns_resources_past_review") in html


def test_report_is_for_coordinators_only(client, django_user_model, resource_index):
    from home.cocreation.roles import PARTNER_EDITORS, setup_roles

    setup_roles()
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name=PARTNER_EDITORS))
    client.force_login(editor)
    response = client.get(reverse("campaigns_resources_past_review"))
    assert response.status_code in (302, 403)


def test_moderator_approves_a_signature(admin_client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, pledge_statement="I pledge.")
    signature = factories.PledgeSignatureFactory(campaign=campaign, status="pending")
    url = reverse("wagtailsnippets_campaigns_pledgesignature:edit", args=[signature.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "status": "approved",
            "name": signature.name,
            "organisation_website": "",
            "commitment": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    signature.refresh_from_db()
    assert signature.status == "approved"


@pytest.mark.parametrize("model", ["campaignpage", "resourcepage"])
def test_admin_forms_open_for_editors(admin_client, campaign_index, resource_index, model):
    parent = campaign_index if model == "campaignpage" else resource_index
    response = admin_client.get(f"/admin/pages/add/campaigns/{model}/{parent.pk}/")
    assert response.status_code == 200
    page = (
        CampaignPageFactory(parent=campaign_index)
        if model == "campaignpage"
        else ResourcePageFactory(parent=resource_index)
    )
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{page.pk}/view_draft/").status_code == 200
