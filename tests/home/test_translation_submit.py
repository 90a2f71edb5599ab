"""A translator sends a translation to review from the admin (wagtail-localize's editor
has no such action of its own)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from home.demo import translate_page
from home.models import LocaleReviewTask
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
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    assert "translation_review.js" in editor  # adds the button to the editor's header
    assert client.get(submit_url(french), {"format": "json"}).json()["show"] is True
    response = client.get(submit_url(french))
    assert response.status_code == 200
    assert "Parlons-en" in response.content.decode()
    mail.outbox.clear()
    response = client.post(submit_url(french))
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(french).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == world.translator
    assert isinstance(state.current_task_state.task.specific, LocaleReviewTask)
    assert sorted(m.to[0] for m in mail.outbox) == ["reviewerfr@example.org"]
    assert not fresh(french).live
    # Once in review, the button is gone and a second submission changes nothing.
    assert client.get(submit_url(french), {"format": "json"}).json()["show"] is False
    client.post(submit_url(french))
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
    response = client.post(submit_url(german))
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
    assert "no translated changes to send for review" in response.content.decode()
    assert not WorkflowState.objects.for_instance(page).exists()


@pytest.mark.django_db
def test_unknown_page_is_a_404(world, client):
    client.force_login(world.translator)
    url = reverse("openly_submit_translation_review", args=[999999])
    assert client.get(url, follow=True).status_code == 404
