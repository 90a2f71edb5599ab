"""From a signature of a campaign's commitment to the organisation's action plan: a moderator
links an organisation's signature to a partner organisation and approves it; the
organisation gets a draft commitment page its editors find on their dashboard."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.commitments.models import CommitmentPage
from campaigns.commitments.signing import open_plan
from campaigns.models import CampaignPage, PledgeSignature
from tests.campaigns.commitment_fixtures import make_plan
from tests.campaigns.factories import CommitmentIndexPageFactory
from tests.home.factories import world  # noqa: F401 (the co-creation fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture
def signing(world):  # noqa: F811
    """The commitments index, a campaign organisations sign, and a pending signature of
    an organisation that is not linked yet."""
    campaign = world.pages_a["campaign"]
    CampaignPage.objects.filter(pk=campaign.pk).update(
        pledge_statement="We adopt the Prevention Concordat for Better Mental Health."
    )
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    index = CommitmentIndexPageFactory(parent=world.home)
    signature = PledgeSignature.objects.create(
        campaign=campaign,
        kind="organisation",
        name="Mind Matters",
        country="FR",
        commitment="We will train every school nurse in our region.",
    )
    return index, campaign, signature


def _moderate(client, signature, **changes):
    data = {
        "status": signature.status,
        "name": signature.name,
        "partner_organisation": signature.partner_organisation_id or "",
        "organisation_website": signature.organisation_website,
        "commitment": signature.commitment,
    }
    data.update(changes)
    url = reverse("wagtailsnippets_campaigns_pledgesignature:edit", args=[signature.pk])
    return client.post(url, data, follow=True)


def test_approving_a_linked_signature_opens_a_draft_plan(client, world, signing):  # noqa: F811
    index, campaign, signature = signing
    client.force_login(world.moderator)
    response = _moderate(client, signature, status="approved", partner_organisation=world.org_a.pk)
    assert response.status_code == 200
    plan = CommitmentPage.objects.get(organisation=world.org_a)
    assert plan.get_parent().pk == index.pk
    assert not plan.live
    assert plan.campaign_id == campaign.pk
    assert plan.statement == "We will train every school nurse in our region."
    assert plan.review_date > plan.signed_on
    assert plan.get_latest_revision() is not None
    assert "now has a draft commitment page" in response.content.decode()
    # Saving the signature again opens no second plan.
    _moderate(client, PledgeSignature.objects.get(pk=signature.pk), name="Mind Matters e.V.")
    assert CommitmentPage.objects.filter(organisation=world.org_a).count() == 1


def test_only_approved_linked_organisation_signatures_open_a_plan(world, signing):  # noqa: F811
    _index, _campaign, signature = signing
    signature.partner_organisation = world.org_a
    signature.save()  # still waiting for moderation
    assert not CommitmentPage.objects.exists()
    signature.partner_organisation = None
    signature.status = "approved"
    signature.save()  # approved but not linked to a partner
    assert not CommitmentPage.objects.exists()
    signature.kind = "individual"
    signature.partner_organisation = world.org_a
    with pytest.raises(ValidationError) as error:
        signature.full_clean()
    assert "A person signed this" in str(error.value)


def test_an_existing_plan_is_kept(world, signing):  # noqa: F811
    index, campaign, signature = signing
    plan = make_plan(index, campaign, organisation=world.org_a)
    signature.partner_organisation = world.org_a
    signature.status = "approved"
    signature.save()
    found, created = open_plan(signature)
    assert (found.pk, created) == (plan.pk, False)
    assert CommitmentPage.objects.filter(organisation=world.org_a).count() == 1


def test_the_organisations_editors_are_shown_where_to_write_the_plan(
    client,
    world,  # noqa: F811
    signing,
):
    _index, _campaign, signature = signing
    signature.partner_organisation = world.org_a
    signature.status = "approved"
    signature.save()
    plan = CommitmentPage.objects.get(organisation=world.org_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[plan.pk])
    client.force_login(world.editor_a)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Commitments waiting for your action plan" in page
    assert edit_url in page
    assert client.get(edit_url).status_code == 200
    # Editors of another organisation are not shown it.
    client.force_login(world.lead_b)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Commitments waiting for your action plan" not in page
    # Once published, it is no longer waiting.
    plan.get_latest_revision().publish()
    client.force_login(world.editor_a)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Commitments waiting for your action plan" not in page
