"""Deciding on a translation inside wagtail-localize's translation editor: its language's
reviewer approves or requests changes there (with a comment), nobody else is offered
either; its translator then finds there what the review asked for, and what the language
check found (where, why, what to write instead), in their admin language."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from home.cocreation.models import LocaleReviewTask
from home.demo.building import store_strings, translate_page
from home.language_check.models import LanguageRule
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh

world = factories.world

LABEL = CONTENT_TYPES[0][0]
BAD_FR = "Il a commis un suicide l'an dernier."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_url(page):
    return reverse("openly_submit_translation_review", args=[page.pk])


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def decision_form(html, action):
    """The address of the bar's form for ``action`` ("approve" or "reject"), or None."""
    found = re.search(rf'<form method="post" action="([^"]*/{action}/)">', html)
    return found.group(1) if found else None


def french_translation(world, strings):
    """A French draft translation of the organisation's page with ``strings`` (source text
    → French) stored as its translator typed them."""
    source_page = world.pages_a[LABEL]
    page = translate_page(source_page, "fr", {source_page.title: "Parlons-en"}, publish_now=False)
    source = TranslationSource.objects.get(
        object_id=source_page.translation_key, locale__language_code="en"
    )
    store_strings(source, world.locales["fr"], strings, user=world.translator)
    return fresh(page)


@pytest.fixture
def in_review(world, client):
    """The French translation, sent for review by its translator from the editor."""
    page = french_translation(world, {})
    client.force_login(world.translator)
    assert client.post(submit_url(page), {"submit_incomplete": "1"}).status_code == 302
    page = fresh(page)
    assert isinstance(page.current_workflow_task, LocaleReviewTask)
    client.logout()
    return page


@pytest.mark.django_db
def test_the_reviewer_approves_from_the_translation_editor(world, in_review, client):
    client.force_login(world.reviewer_fr)
    html = client.get(edit_url(in_review)).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's editor
    assert "data-openly-decision" in html
    assert "This translation waits for your decision" in html
    assert "Approve and publish" in html  # the last step: approving publishes it
    approve = decision_form(html, "approve")
    response = client.post(approve)
    assert response.status_code == 302
    assert response["Location"] == edit_url(in_review)  # back in the translation editor
    page = fresh(in_review)
    assert page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    approval = state.task_states.get(task__in=LocaleReviewTask.objects.all())
    assert (approval.status, approval.finished_by) == (TaskState.STATUS_APPROVED, world.reviewer_fr)
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "“Parlons-en” (Français) is approved and published." in shown
    # Decided: nothing left to decide in the editor.
    assert "data-openly-decision" not in client.get(edit_url(page)).content.decode()


@pytest.mark.django_db
def test_the_reviewer_requests_changes_with_a_comment_the_translator_reads(
    world, in_review, client
):
    client.force_login(world.reviewer_fr)
    html = client.get(edit_url(in_review)).content.decode()
    reject = decision_form(html, "reject")
    assert 'name="comment"' in html and "Request changes" in html
    # Without a comment nothing is sent back: it is all the translator would have.
    response = client.post(reject, {"comment": "  "})
    assert response.status_code == 302
    assert fresh(in_review).workflow_in_progress
    response = client.post(reject, {"comment": "Le titre doit rester une question."})
    assert response.status_code == 302
    state = fresh(in_review).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "“Parlons-en” (Français) is back with its translator, with your comment." in shown

    client.force_login(world.translator)
    html = client.get(edit_url(in_review)).content.decode()
    assert "data-openly-sent-back" in html
    assert "Reviewerfr requested changes at the step “Translation review by a reviewer" in html
    assert "Le titre doit rester une question." in html
    assert "data-openly-submit-translation" in html  # the way forward: send it again
    assert "data-openly-decision" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("outsider", ["translator", "reviewer_de", "lead_a", "editor_a"])
def test_nobody_else_is_offered_the_decision_nor_can_post_it(world, in_review, client, outsider):
    user = getattr(world, outsider)
    client.force_login(user)
    response = client.get(edit_url(in_review))
    if response.status_code == 200:
        assert "data-openly-decision" not in response.content.decode()
    task_state = fresh(in_review).current_workflow_task_state
    for action, data in (("approve", {}), ("reject", {"comment": "No."})):
        client.post(reverse("openly_translation_decision", args=[task_state.pk, action]), data)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(in_review).live


@pytest.mark.django_db
def test_a_translation_sent_back_by_the_language_check_shows_its_findings_in_french(world, client):
    source_page = world.pages_a[LABEL]
    page = french_translation(world, {source_page.summary: BAD_FR})
    speaks(world.translator, "fr")
    client.force_login(world.translator)
    client.post(submit_url(page), {"submit_incomplete": "1"})
    state = fresh(page).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES  # the check sent it back

    html = client.get(edit_url(page)).content.decode()
    found = html[html.index("data-openly-sent-back") :]
    found = found[: found.index("</ul>")]
    assert "Traduction" in html  # the admin speaks French
    assert "“commis un suicide”" in found  # what was found
    with translation.override("fr"):
        where = str(type(source_page)._meta.get_field("summary").verbose_name).capitalize()
        kind = str(dict(LanguageRule.CATEGORY_CHOICES)["suicide_reporting"])
    assert where != "Summary" and f"dans {where}" in found  # where, in French
    assert "Essayez plutôt :" in found and "mourir par suicide" in found  # what instead
    assert f"{kind}, élevée" in found  # its kind and severity
    assert "« Commettre » associe le suicide à un crime" in found  # why
    words = re.sub(r"<[^>]*>", " ", found)  # what a reader sees, without the markup
    for english in ("Suicide reporting", "Try instead", "high", "Why:"):
        assert english not in words
    # The way forward is there too.
    assert "data-openly-submit-translation" in html


@pytest.mark.django_db
def test_the_translator_is_not_shown_findings_when_nothing_was_sent_back(world, client):
    page = french_translation(world, {})
    client.force_login(world.translator)
    html = client.get(edit_url(page)).content.decode()
    assert "data-openly-sent-back" not in html and "data-openly-decision" not in html
