"""Partner organisations and roles: set up without a developer, idempotent, and scoped."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry

from home.cocreation.models import PartnerOrganisation
from home.cocreation.roles import PARTNER_EDITORS, ROLE_GROUPS, setup_roles
from home.language_check.models import LanguageRule
from tests.factories import CrisisHelplineFactory, PartnerOrganisationFactory, TopicFactory
from tests.home import factories

world = factories.world  # the shared co-creation fixture


def setup_rows():
    return {
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "tasks": Task.objects.count(),
        "workflow_tasks": WorkflowTask.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "rules": LanguageRule.objects.count(),
    }


@pytest.mark.django_db
def test_new_organisation_gets_groups_collection_and_permissions():
    organisation = PartnerOrganisationFactory(name="Mental Health Europe", slug="mhe")
    assert organisation.editors_group.name == "Mental Health Europe: editors"
    assert organisation.leads_group.name == "Mental Health Europe: leads"
    assert organisation.collection.name == "Mental Health Europe"
    editor_perms = set(
        GroupCollectionPermission.objects.filter(
            group=organisation.editors_group, collection=organisation.collection
        ).values_list("permission__codename", flat=True)
    )
    assert editor_perms == {"add_image", "choose_image", "add_document", "choose_document"}
    assert organisation.leads_group.permissions.filter(codename="access_admin").exists()


@pytest.mark.django_db
def test_organisation_set_up_is_idempotent_and_follows_renames():
    organisation = PartnerOrganisationFactory(name="Mind Matters", slug="mind-matters")
    before = setup_rows()
    organisation.save()
    assert setup_rows() == before
    organisation.name = "Mind Matters Europe"
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.editors_group.name == "Mind Matters Europe: editors"
    assert organisation.collection.name == "Mind Matters Europe"
    assert setup_rows() == before


@pytest.mark.django_db
def test_organisation_added_in_the_admin_is_set_up(admin_client, locales):
    response = admin_client.post(
        reverse("wagtailsnippets_home_partnerorganisation:add"),
        {"name": "Stimme e.V.", "slug": "stimme", "country": "DE", "website": "", "logo": ""},
    )
    assert response.status_code == 302
    organisation = PartnerOrganisation.objects.get(slug="stimme")
    assert organisation.editors_group and organisation.leads_group and organisation.collection


@pytest.mark.django_db
def test_setup_roles_command_is_idempotent(world):
    call_command("setup_roles", stdout=io.StringIO())
    before = setup_rows()
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert setup_rows() == before
    assert "language rules: 0 added, 0 updated to the shipped version, 0 switched off" in (
        out.getvalue()
    )
    assert set(ROLE_GROUPS) <= set(Group.objects.values_list("name", flat=True))


@pytest.mark.django_db
def test_setup_roles_removes_stale_root_permissions(world):
    editors = Group.objects.get(name=PARTNER_EDITORS)
    root = Collection.get_first_root_node()
    stale = Permission.objects.get(codename="add_image")
    GroupCollectionPermission.objects.create(group=editors, collection=root, permission=stale)
    setup_roles()
    assert not GroupCollectionPermission.objects.filter(
        group=editors, collection=root, permission=stale
    ).exists()


@pytest.mark.django_db
def test_partner_editor_uploads_only_into_own_collection(world):
    image_policy = policy_registry.get_by_type(get_image_model())
    allowed = image_policy.collections_user_has_permission_for(world.editor_a, "add")
    assert list(allowed) == [world.org_a.collection]
    assert not image_policy.collections_user_has_permission_for(world.translator, "add").exists()


@pytest.mark.django_db
def test_page_form_offers_partners_only_their_organisations(world, client):
    page = world.pages_a[factories.CONTENT_TYPES[0][0]]
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=world.editor_a)
    assert list(form.fields["organisation"].queryset) == [world.org_a]
    moderator_form = form_class(instance=page, for_user=world.moderator)
    assert world.org_b in moderator_form.fields["organisation"].queryset


@pytest.mark.django_db
@pytest.mark.parametrize("label", [label for label, *_rest in factories.CONTENT_TYPES])
def test_partner_cannot_move_a_page_to_another_organisation(world, client, label):
    page = world.pages_a[label]
    client.force_login(world.editor_a)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, {"title": "Ours now", "organisation": world.org_b.pk})
    assert response.status_code in {302, 403}
    page.refresh_from_db()
    assert page.organisation_id == world.org_a.pk and page.title != "Ours now"
    index = world.indexes[label]
    model = type(page)
    add = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, index.pk]
    )
    count = model.objects.count()
    response = client.post(add, {"title": "Theirs", "organisation": world.org_b.pk})
    assert response.status_code in {302, 403}
    assert model.objects.count() == count


@pytest.mark.django_db
def test_partner_cannot_create_pages_outside_organisation_sections(world, client):
    from home.models import StandardPage

    client.force_login(world.editor_a)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", world.home.pk])
    count = StandardPage.objects.count()
    response = client.post(url, {"title": "Not ours", "slug": "not-ours"})
    assert response.status_code in {302, 403}
    assert StandardPage.objects.count() == count
    assert not world.home.permissions_for_user(world.editor_a).can_add_subpage()
    index = world.indexes[factories.CONTENT_TYPES[0][0]]
    assert index.permissions_for_user(world.editor_a).can_add_subpage()
    assert not index.permissions_for_user(world.editor_a).can_edit()


@pytest.mark.django_db
def test_translator_edits_snippets_only_in_assigned_languages(world, client):
    from home.demo.building import translate_snippet

    english = TopicFactory(name="Stigma", slug="stigma")
    # Real wagtail-localize translations, so its translation editor would open for them.
    french = translate_snippet(english, "fr", {"Stigma": "Stigmatisation"})
    german = translate_snippet(english, "de", {"Stigma": "Stigma"})
    client.force_login(world.translator)
    edit = "wagtailsnippets_home_topic:edit"
    assert client.get(reverse(edit, args=[french.pk])).status_code == 200
    assert client.get(reverse(edit, args=[german.pk])).status_code in {302, 403}
    response = client.post(reverse(edit, args=[german.pk]), {"name": "Hacked", "slug": "stigma"})
    assert response.status_code in {302, 403}
    german.refresh_from_db()
    assert german.name == "Stigma"


@pytest.mark.django_db
def test_dashboard_lists_helplines_past_their_review(world, client):
    CrisisHelplineFactory(name="Old line", last_verified=datetime.date(2020, 1, 1))
    CrisisHelplineFactory(name="Fresh line", last_verified=datetime.date.today())
    client.force_login(world.moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Old line" in html and "Fresh line" not in html


@pytest.mark.django_db
def test_dashboard_sorts_own_pages_by_state(world, client):
    label = factories.CONTENT_TYPES[0][0]
    page = world.pages_a[label]
    page.save_revision(user=world.editor_a)
    state = page.get_workflow().start(page, world.editor_a)
    state.refresh_from_db()
    state.current_task_state.specific.reject(user=world.lead_a)
    client.force_login(world.editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    changes = html.index("Changes requested")
    published = html.index("Published")
    assert changes < html.index(page.title, changes) < published


@pytest.mark.django_db
def test_dashboard_lists_own_resources_past_their_review_date(world, client):
    from tests.campaigns.factories import ResourceIndexPageFactory, ResourcePageFactory

    index = ResourceIndexPageFactory(parent=world.home)
    ResourcePageFactory(
        parent=index,
        title="Overdue guide",
        organisation=world.org_a,
        review_due=datetime.date(2020, 1, 1),
    )
    ResourcePageFactory(
        parent=index,
        title="Other organisation's overdue guide",
        organisation=world.org_b,
        review_due=datetime.date(2020, 1, 1),
    )
    client.force_login(world.editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    overdue = html.index("Past their review date")
    assert html.index("Overdue guide", overdue) > overdue
    assert "Other organisation&#x27;s overdue guide" not in html
