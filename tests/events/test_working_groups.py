"""Working groups: tree rules, the pages in English and Arabic, what the action tracker
reads (tracked_actions), site search, and starting a group from a workshop."""

import datetime

import pytest
from django.urls import reverse

from events.working_groups.models import WorkingGroupIndexPage, WorkingGroupPage
from home.models import HomePage
from tests.campaigns.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.events.factories import EventActionPointFactory, EventPageFactory
from tests.events.working_group_factories import (
    WorkingGroupActionFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_index(home_page):
    return WorkingGroupIndexPageFactory(parent=home_page)


def test_every_factory_builds(group_index):
    group = WorkingGroupPageFactory(parent=group_index)
    assert WorkingGroupActionFactory(group=group).pk


def test_tree_rules():
    assert WorkingGroupIndexPage.can_create_at(HomePage())
    assert WorkingGroupPage.can_create_at(WorkingGroupIndexPage())
    assert not WorkingGroupPage.can_create_at(HomePage())
    assert WorkingGroupPage.allowed_subpage_models() == []


def test_group_page_shows_mandate_members_meetings_outputs_and_actions(
    client, group_index, event_index, home_page
):
    workshop = EventPageFactory(parent=event_index, title="Crisis care workshop")
    meeting = EventPageFactory(parent=event_index, title="First meeting of the task force")
    output = ResourcePageFactory(
        parent=ResourceIndexPageFactory(parent=home_page), title="Crisis pathway map"
    )
    member = PartnerOrganisationFactory(name="Open Minds Kyiv")
    group = WorkingGroupPageFactory(
        parent=group_index, slug="crisis", from_workshop=workshop, kind="task_force"
    )
    group.meetings.create(event=meeting)
    group.outputs.create(resource=output)
    group.members.add(member)
    WorkingGroupActionFactory(
        group=group,
        action="Map crisis services",
        lead="Regional office",
        organisation=member,
        status="in_progress",
        due=datetime.date(2027, 3, 1),
        evidence_url="https://example.org/minutes",
    )
    group.save_revision().publish()
    response = client.get("/en/working-groups/crisis/")
    assert response.status_code == 200
    assert response.templates[0].name == "pages/working_group_page.html"
    html = response.content.decode()
    for text in (
        "Task force",
        "Map crisis services and agree a shared pathway",
        "Crisis care workshop",
        "First meeting of the task force",
        "Crisis pathway map",
        "Open Minds Kyiv",
        "Map crisis services",
        "Regional office",
        "In progress",
        "https://example.org/minutes",
    ):
        assert text in html, text


def test_group_pages_render_in_arabic(client, translated_home, locales):
    index = WorkingGroupIndexPageFactory(parent=translated_home["en"])
    group = WorkingGroupPageFactory(parent=index, slug="crisis")
    WorkingGroupActionFactory(group=group, status="done")
    index.copy_for_translation(locales["ar"]).save_revision().publish()
    arabic = group.copy_for_translation(locales["ar"])
    arabic.title = "فريق عمل رعاية الأزمات"
    arabic.save_revision().publish()
    for url in ("/ar/working-groups/", "/ar/working-groups/crisis/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'dir="rtl"' in html
        assert "فريق عمل رعاية الأزمات" in html
    # The translated action is the same action for the tracker (one key), status synchronised.
    english, translated = group.tracked_actions(), arabic.tracked_actions()
    assert [a["key"] for a in english] == [a["key"] for a in translated]
    assert translated[0]["status"] == "done"


def test_tracked_actions_follow_the_protocol(group_index):
    owner = PartnerOrganisationFactory()
    other = PartnerOrganisationFactory()
    group = WorkingGroupPageFactory(parent=group_index, organisation=owner)
    first = WorkingGroupActionFactory(
        group=group,
        action="Train 40 school nurses",
        lead="Schools team",
        organisation=other,
        status="in_progress",
        due=datetime.date(2027, 1, 31),
        evidence_url="https://example.org/report",
    )
    WorkingGroupActionFactory(group=group, action="Agree a referral form", lead="")
    actions = group.tracked_actions()
    assert actions[0] == {
        "key": f"working_groups.workinggroupaction:{first.translation_key}",
        "action": "Train 40 school nurses",
        "organisation": other,
        "lead": "Schools team",
        "status": "in_progress",
        "due": datetime.date(2027, 1, 31),
        "evidence_url": "https://example.org/report",
    }
    # Without its own organisation an action belongs to the group's.
    assert actions[1]["organisation"] == owner
    assert actions[1]["lead"] == "" and actions[1]["due"] is None
    assert actions[1]["evidence_url"] == ""
    assert {a["status"] for a in actions} <= {"planned", "in_progress", "done"}


def test_site_search_finds_working_groups_by_mandate_and_actions(client, group_index):
    group = WorkingGroupPageFactory(parent=group_index, title="Concordat task force")
    WorkingGroupActionFactory(group=group, action="Publish the prevention concordat locally")
    group.save_revision().publish()
    assert "Concordat task force" in client.get("/en/search/?q=pathway").content.decode()
    assert "Concordat task force" in client.get("/en/search/?q=concordat").content.decode()
    response = client.get("/en/search/?q=concordat&type=working-groups")
    assert [result.title for result in response.context["results"]] == ["Concordat task force"]


def test_admin_starts_a_working_group_from_a_workshop(admin_client, group_index, event_index):
    workshop = EventPageFactory(parent=event_index, title="Crisis care workshop", slug="crisis")
    EventActionPointFactory(page=workshop)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk]))
    url = reverse("working_groups_start", args=[workshop.pk])
    assert url in edit.content.decode()
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Crisis care workshop" in page.content.decode()
    response = admin_client.post(url)
    group = WorkingGroupPage.objects.get(from_workshop=workshop)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[group.pk])
    assert not group.live
    assert group.get_parent().pk == group_index.pk
    assert group.organisation_id == workshop.organisation_id
    assert list(group.members.all()) == [workshop.organisation]
    assert "Crisis care workshop" in group.title
    # A second group from the same workshop gets its own address.
    admin_client.post(url)
    assert WorkingGroupPage.objects.filter(from_workshop=workshop).count() == 2
    # The draft opens in the editor.
    assert admin_client.get(response["Location"]).status_code == 200
