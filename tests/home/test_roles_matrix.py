"""The permission matrix: every role × every action on every organisation-owned content type,
through the admin's own views. Every denied attempt leaves the database as it was."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh, translate
from tests.sharing import shared_fixture

world = factories.world  # the shared co-creation fixture

Y, N = True, False
ACTIONS = [
    "view",  # open the section in the page explorer
    "create",  # open the "add page" form in the section
    "edit_own",  # edit a page of the organisation (own organisation for partners)
    "edit_other",  # edit another organisation's page
    "submit",  # submit the own organisation's page for moderation
    "approve_lead",  # approve at the partner lead step
    "approve_moderator",  # approve at the moderator step
    "publish",  # publish directly
    "translate_assigned",  # edit the French translation (the translator's language)
    "translate_unassigned",  # edit the German translation
    "start_assigned",  # start a French translation of a page ("Translate this page")
    "start_unassigned",  # start a German translation of a page
    "delete_live",  # delete a live page of the organisation
    "delete_draft",  # delete a draft page of the organisation
]
# fmt: off
MATRIX = {
    #                  view create own other submit lead mod publ fr de +fr +de del draft
    "admin":           [Y,   Y,    Y,  Y,    Y,     Y,   Y,  Y,   Y, Y, Y,  Y,  Y,  Y],
    "moderator":       [Y,   Y,    Y,  Y,    Y,     N,   Y,  Y,   Y, Y, Y,  Y,  Y,  Y],
    "lead":            [Y,   Y,    Y,  N,    Y,     Y,   N,  N,   Y, Y, N,  N,  N,  Y],
    "editor":          [Y,   Y,    Y,  N,    Y,     N,   N,  N,   Y, Y, N,  N,  N,  Y],
    "translator":      [Y,   N,    N,  N,    N,     N,   N,  N,   Y, N, Y,  N,  N,  N],
    "story_moderator": [Y,   N,    N,  N,    N,     N,   N,  N,   N, N, N,  N,  N,  N],
    "contributor":     [N,   N,    N,  N,    N,     N,   N,  N,   N, N, N,  N,  N,  N],
}
# fmt: on
USERS = {
    "admin": "admin",
    "moderator": "moderator",
    "lead": "lead_a",
    "editor": "editor_a",
    "translator": "translator",
    "story_moderator": "story_moderator",
    "contributor": "contributor",
}
DENIED = {302, 403, 404}


def snapshot():
    """What a denied attempt must not change."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "live", "has_unpublished_changes"
            )
        ),
        "revisions": Revision.objects.count(),
        "workflow_states": list(WorkflowState.objects.values_list("pk", "status")),
        "task_states": list(TaskState.objects.values_list("pk", "status")),
        "log": PageLogEntry.objects.count(),
        "translations": Translation.objects.count(),
        "translation_sources": TranslationSource.objects.count(),
    }


def _start_workflow(w, page, approve_lead=False):
    workflow = page.get_workflow()
    page.save_revision(user=w.editor_a)
    state = workflow.start(page, w.editor_a)
    if approve_lead:
        state.refresh_from_db()
        state.current_task_state.specific.approve(user=w.lead_a)
    state.refresh_from_db()
    return state


def attempt(w, client, label, action, user):
    """Try ``action`` as ``user`` through the admin; return (allowed, request_was_made)."""
    index = w.indexes[label]
    page = w.pages_a[label]
    other = w.pages_b[label]
    if action == "view":
        response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
        return response.status_code == 200
    if action == "create":
        model = type(page)
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, index.pk],
        )
        if client.get(url).status_code != 200:
            before = snapshot()
            post = client.post(url, {"title": "Sneaky", "slug": "sneaky", "action-publish": "1"})
            assert post.status_code in DENIED
            assert snapshot() == before
            return False
        return page.get_parent().permissions_for_user(user).can_add_subpage()
    if action in ("edit_own", "edit_other", "translate_assigned", "translate_unassigned"):
        target = {
            "edit_own": page,
            "edit_other": other,
            "translate_assigned": w.fr,
            "translate_unassigned": w.de,
        }[action]
        url = reverse("wagtailadmin_pages:edit", args=[target.pk])
        response = client.get(url)
        if response.status_code == 200:
            assert target.permissions_for_user(user).can_edit()
            return True
        assert response.status_code in DENIED
        before = snapshot()
        post = client.post(url, {"title": "Changed by someone else", "action-publish": "1"})
        assert post.status_code in DENIED
        assert snapshot() == before
        return False
    if action in ("start_assigned", "start_unassigned"):
        # The other organisation's page: starting a translation does not depend on who owns
        # the page, and this one has no translation yet.
        locale = w.locales["fr" if action == "start_assigned" else "de"]
        url = reverse("wagtail_localize:submit_page_translation", args=[other.pk])
        before = snapshot()
        response = client.post(url, {"locales": [locale.pk]})
        translation = other.get_translation_or_none(locale)
        if translation is not None:
            assert response.status_code == 302
            assert not translation.live  # a draft, for the translation review
            return True
        refused_by_form = response.status_code == 200 and response.context["form"].errors
        assert refused_by_form or response.status_code in DENIED
        assert snapshot() == before
        return False
    if action == "submit":
        perms = page.permissions_for_user(user)
        allowed = perms.can_edit() and perms.can_submit_for_moderation()
        if not allowed:
            before = snapshot()
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            assert (
                client.post(url, {"title": page.title, "action-submit": "1"}).status_code in DENIED
            )
            assert snapshot() == before
        return allowed
    if action in ("approve_lead", "approve_moderator"):
        state = _start_workflow(w, page, approve_lead=action == "approve_moderator")
        task_state = state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )
        before = snapshot()
        response = client.post(url, {"comment": ""})
        task_state.refresh_from_db()
        if task_state.status == TaskState.STATUS_APPROVED:
            return True
        assert response.status_code in DENIED
        assert snapshot() == before
        return False
    if action == "publish":
        allowed = page.permissions_for_user(user).can_publish()
        if not allowed:
            before = snapshot()
            client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
            assert snapshot() == before
            assert fresh(page).live
        return allowed
    if action in ("delete_live", "delete_draft"):
        target = page if action == "delete_live" else w.drafts_a[label]
        before = snapshot()
        response = client.post(reverse("wagtailadmin_pages:delete", args=[target.pk]))
        if not Page.objects.filter(pk=target.pk).exists():
            return True
        assert response.status_code in DENIED
        assert snapshot() == before
        return False
    raise AssertionError(action)


CASES = [
    pytest.param(label, role, action, MATRIX[role][i], id=f"{label}-{role}-{action}")
    for label, _make_index, _make_page in CONTENT_TYPES
    for role in MATRIX
    for i, action in enumerate(ACTIONS)
]


@shared_fixture
def matrix_world(world):
    w = world
    w.drafts_a = {}
    for label, page in w.pages_a.items():
        # A copy keeps every required field of the content type.
        copy = page.copy(
            to=page.get_parent(),
            update_attrs={"title": f"Draft {label}", "slug": f"draft-{label}"},
            keep_live=False,
        )
        w.drafts_a[label] = copy.specific
    label = CONTENT_TYPES[0][0]
    w.fr = translate(w.pages_a[label], w.locales["fr"])
    w.de = translate(w.pages_a[label], w.locales["de"])
    return w


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "role", "action", "expected"), CASES)
def test_permission_matrix(matrix_world, client, label, role, action, expected):
    w = matrix_world
    user = getattr(w, USERS[role])
    client.force_login(user)
    if action.startswith(("translate", "start")) and label != CONTENT_TYPES[0][0]:
        # Translations are checked on the first content type; others share the same rules.
        label = CONTENT_TYPES[0][0]
    assert attempt(w, client, label, action, user) is expected


@pytest.mark.django_db
def test_matrix_covers_every_role_and_action():
    assert all(len(row) == len(ACTIONS) for row in MATRIX.values())


@pytest.mark.django_db
def test_other_organisations_lead_cannot_edit_or_approve(matrix_world, client):
    w = matrix_world
    label = CONTENT_TYPES[0][0]
    client.force_login(w.lead_b)
    page = w.pages_a[label]
    assert not page.permissions_for_user(w.lead_b).can_edit()
    assert attempt(w, client, label, "approve_lead", w.lead_b) is False


@pytest.mark.django_db
def test_any_editor_of_the_organisation_edits_not_only_the_creator(matrix_world):
    w = matrix_world
    page = w.pages_a[CONTENT_TYPES[0][0]]
    page.owner = w.editor_a
    page.save()
    assert page.permissions_for_user(w.editor_a2).can_edit()
    assert not page.permissions_for_user(w.lead_b).can_edit()
