"""Who may do what with working groups and practices: partner editors edit only their own
organisation's pages (both page types), everybody's pages go through the campaign
workflow, and only those who may edit a workshop start a working group from it."""

import pytest
from django.urls import reverse

from campaigns.practices.models import PracticePage
from events.working_groups.models import WorkingGroupPage
from tests.campaigns.practice_factories import PracticeIndexPageFactory, PracticePageFactory
from tests.events.working_group_factories import (
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.home import factories

world = factories.world  # the shared co-creation fixture

pytestmark = pytest.mark.django_db

KINDS = {
    "working group": (WorkingGroupIndexPageFactory, WorkingGroupPageFactory, "mandate"),
    "practice": (PracticeIndexPageFactory, PracticePageFactory, "evidence"),
}


@pytest.fixture(params=list(KINDS))
def section(request, world):
    """An index of one kind with a page of each organisation."""
    make_index, make_page, _text = KINDS[request.param]
    index = make_index(parent=world.home)
    return {
        "kind": request.param,
        "index": index,
        "ours": make_page(parent=index, organisation=world.org_a, title="Ours"),
        "theirs": make_page(parent=index, organisation=world.org_b, title="Theirs"),
    }


def test_partner_editor_edits_only_their_organisations_pages(world, client, section):
    ours, theirs = section["ours"], section["theirs"]
    assert ours.permissions_for_user(world.editor_a).can_edit()
    assert not theirs.permissions_for_user(world.editor_a).can_edit()
    assert section["index"].permissions_for_user(world.editor_a).can_add_subpage()
    client.force_login(world.editor_a)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).status_code == 200
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[theirs.pk]),
        {"title": "Taken over", "organisation": world.org_a.pk},
    )
    assert response.status_code in {302, 403}
    assert type(theirs).objects.get(pk=theirs.pk).title == "Theirs"
    # A lead of the other organisation edits theirs, a moderator edits both.
    assert theirs.permissions_for_user(world.lead_b).can_edit()
    assert not ours.permissions_for_user(world.lead_b).can_edit()
    assert ours.permissions_for_user(world.moderator).can_edit()
    assert theirs.permissions_for_user(world.moderator).can_publish()


def test_partner_editor_cannot_publish_without_review(world, section):
    assert not section["ours"].permissions_for_user(world.editor_a).can_publish()


def test_pages_go_through_the_campaign_workflow(world, section):
    for page in (section["index"], section["ours"]):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Campaign content"


def test_translator_cannot_edit_source_pages(world, section):
    assert not section["ours"].permissions_for_user(world.translator).can_edit()


@pytest.fixture
def groups(world):
    return WorkingGroupIndexPageFactory(parent=world.home)


def test_editor_starts_a_group_only_from_their_organisations_workshop(world, client, groups):
    ours, theirs = world.pages_a["event"], world.pages_b["event"]
    client.force_login(world.editor_a)
    refused = client.post(reverse("working_groups_start", args=[theirs.pk]))
    # The admin answers a refusal with its "no permission" redirect to the dashboard.
    assert refused.status_code in {302, 403}
    assert refused.get("Location", "/admin/") == "/admin/"
    assert not WorkingGroupPage.objects.filter(from_workshop=theirs).exists()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk]))
    assert reverse("working_groups_start", args=[theirs.pk]) not in edit.content.decode()
    allowed = client.post(reverse("working_groups_start", args=[ours.pk]))
    assert allowed.status_code == 302
    group = WorkingGroupPage.objects.get(from_workshop=ours)
    assert group.organisation_id == world.org_a.pk and not group.live
    assert group.permissions_for_user(world.editor_a).can_edit()


def test_nobody_outside_the_admin_starts_a_group(world, client, groups):
    workshop = world.pages_a["event"]
    response = client.post(reverse("working_groups_start", args=[workshop.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(world.contributor)
    response = client.post(reverse("working_groups_start", args=[workshop.pk]))
    assert response.status_code in {302, 403}
    assert not WorkingGroupPage.objects.exists()
    assert PracticePage.objects.count() == 0
