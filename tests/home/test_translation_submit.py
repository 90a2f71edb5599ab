"""A translator sends a translation to review from the admin (wagtail-localize's editor
has no such action of its own)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from home.cocreation.models import LocaleReviewTask
from home.demo.building import translate_page
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh

world = factories.world

LABEL = CONTENT_TYPES[0][0]


def submit_url(page):
    return reverse("openly_submit_translation_review", args=[page.pk])


@pytest.fixture
def french(world):
    page = translate_page(world.pages_a[LABEL], "fr", {}, publish_now=False)
    page.title = "Parlons-en"
    page.save_revision(user=world.translator)
    return fresh(page)


@pytest.mark.django_db
def test_translator_sends_a_translation_to_the_languages_reviewers(world, french, client):
    client.force_login(world.translator)
    editor_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    editor = client.get(editor_url).content.decode()
    assert "translation_review.js" in editor  # makes the button the footer's main action
    assert "data-openly-submit-translation" in editor
    response = client.get(submit_url(french))
    assert response.status_code == 200
    assert "Parlons-en" in response.content.decode()
    mail.outbox.clear()
    # Nothing is translated yet: the translator confirms (test_translation_editor).
    response = client.post(submit_url(french), {"submit_incomplete": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(french).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == world.translator
    assert isinstance(state.current_task_state.task.specific, LocaleReviewTask)
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewerfr@example.org"]
    assert not fresh(french).live
    # Once in review, the button is gone and a second submission changes nothing.
    assert "data-openly-submit-translation" not in client.get(editor_url).content.decode()
    client.post(submit_url(french), {"submit_incomplete": "1"})
    assert WorkflowState.objects.for_instance(french).count() == 1


@pytest.mark.django_db
def test_button_in_the_page_listing(world, french, client):
    client.force_login(world.translator)
    listing = client.get(
        reverse("wagtailadmin_explore", args=[french.get_parent().pk])
    ).content.decode()
    assert submit_url(french) in listing


@pytest.mark.django_db
def test_translator_of_another_language_cannot_submit(world, client):
    german = translate_page(world.pages_a[LABEL], "de", {}, publish_now=False)
    client.force_login(world.translator)  # assigned French only
    response = client.post(submit_url(german), {"submit_incomplete": "1"})
    assert response.status_code in {302, 403}
    assert not WorkflowState.objects.for_instance(german).exists()
    editor = client.get(reverse("wagtailadmin_explore", args=[german.get_parent().pk]))
    assert submit_url(german) not in editor.content.decode()


@pytest.mark.django_db
def test_source_language_pages_are_not_sent_this_way(world, client):
    page = world.pages_a[LABEL]
    page.save_revision(user=world.editor_a)
    client.force_login(world.editor_a)
    response = client.post(submit_url(page), follow=True)
    assert "not a translation that can be sent for review" in response.content.decode()
    assert not WorkflowState.objects.for_instance(page).exists()


@pytest.mark.django_db
def test_unknown_page_is_a_404(world, client):
    client.force_login(world.translator)
    url = reverse("openly_submit_translation_review", args=[999999])
    assert client.get(url, follow=True).status_code == 404


def type_in_editor(obj, locale, strings):
    """What wagtail-localize's editor stores as a translator types: translated strings."""
    from wagtail_localize.models import TranslationSource

    from home.demo.building import store_strings

    source = TranslationSource.objects.get(
        object_id=obj.translation_key, locale__language_code="en"
    )
    store_strings(source, locale, strings)


@pytest.mark.django_db
def test_the_translators_text_is_reviewed_and_the_live_page_untouched(
    world, client, django_capture_on_commit_callbacks
):
    source = world.pages_a[LABEL]
    with django_capture_on_commit_callbacks(execute=True):
        live = translate_page(source, "fr", {source.title: "Parlons-en"}, publish_now=True)
    assert fresh(live).live and fresh(live).title == "Parlons-en"
    type_in_editor(source, world.locales["fr"], {source.title: "Parlons-en, ensemble"})
    client.force_login(world.translator)
    assert client.post(submit_url(live), {"submit_incomplete": "1"}).status_code == 302
    page = fresh(live)
    assert page.title == "Parlons-en"  # what readers see has not changed
    assert page.get_latest_revision_as_object().title == "Parlons-en, ensemble"
    state = WorkflowState.objects.for_instance(page).get()
    act_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    client.force_login(world.reviewer_fr)
    client.post(act_url, {"comment": ""})
    assert fresh(live).title == "Parlons-en, ensemble"


@pytest.mark.django_db
def test_a_helpline_translation_is_sent_to_review_as_a_draft(world, client):
    from home.cocreation.translation_review import snippet_submit_url
    from home.demo.building import translate_snippet
    from tests.factories import CrisisHelplineFactory

    helpline = CrisisHelplineFactory(name="Lifeline", hours="24 hours")
    french = translate_snippet(helpline, "fr", {"Lifeline": "Ligne de vie"})
    type_in_editor(helpline, world.locales["fr"], {"24 hours": "24 heures sur 24"})
    client.force_login(world.translator)
    url = snippet_submit_url(french)
    assert client.get(url).status_code == 200
    mail.outbox.clear()
    assert client.post(url, {"submit_incomplete": "1"}).status_code == 302
    french.refresh_from_db()
    assert french.hours != "24 heures sur 24"  # the live row is untouched
    assert french.get_latest_revision_as_object().hours == "24 heures sur 24"
    assert WorkflowState.objects.for_instance(french).get().status == "in_progress"
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewerfr@example.org"]
    # A translator of another language may not send it.
    german_translator = factories.make_user("translatorde", ["Translators"])
    from home.cocreation.models import LocaleAssignment

    LocaleAssignment.objects.create(user=german_translator, locale=world.locales["de"])
    client.force_login(german_translator)
    assert client.post(url, {"submit_incomplete": "1"}).status_code in {302, 403}
    assert WorkflowState.objects.for_instance(french).count() == 1
