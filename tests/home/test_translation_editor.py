"""The translation editor leads forward: "Submit translation for review" is its main action,
deleting is secondary and confirmed, sending a translation shows how much is translated
(and asks to confirm below 100%), and the reviewers see the figure it was sent with."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationSource

from home.cocreation.translation_progress import SUBMITTED_ACTION, Progress
from home.demo.building import store_strings, translate_page
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh

world = factories.world

LABEL = CONTENT_TYPES[0][0]


def submit_url(page):
    return reverse("openly_submit_translation_review", args=[page.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def source_strings(page):
    """The source page's string segments, as wagtail-localize counts them."""
    source = TranslationSource.objects.get(
        object_id=page.translation_key, locale__language_code="en"
    )
    return source, [segment.string.data for segment in source.stringsegment_set.all()]


@pytest.fixture
def french(world):
    """A French draft translation with only the title translated."""
    source = world.pages_a[LABEL]
    page = translate_page(source, "fr", {source.title: "Parlons-en"}, publish_now=False)
    page.save_revision(user=world.translator)
    return fresh(page)


def editor_props(html):
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def figure(page, translated_text):
    """The expected "n of m segments (p%) translated" of ``page`` (a translation) when only
    the segments reading ``translated_text`` are translated."""
    _source, strings = source_strings(page)
    translated = sum(1 for text in strings if text == translated_text)
    return str(Progress(total=len(strings), translated=translated))


# -- the editor ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_submit_is_the_main_action_of_the_translation_editor(world, french, client):
    client.force_login(world.translator)
    html = client.get(edit_url(french)).content.decode()
    assert "js-translation-editor" in html  # wagtail-localize's editor, still
    button = re.search(r'<a class="([^"]*)" href="([^"]*)" data-openly-submit-translation>', html)
    assert button is not None
    assert button.group(1) == "button"  # the main style: not small, not secondary
    assert button.group(2) == submit_url(french)
    assert "Submit translation for review" in html


@pytest.mark.django_db
def test_delete_leaves_the_footer_for_a_secondary_link_that_confirms(world, french, client):
    # The translator may delete the translation: wagtail-localize drew that as the footer's
    # largest button (its last action), the way forward being a small button elsewhere.
    client.force_login(world.translator)
    html = client.get(edit_url(french)).content.decode()
    props = editor_props(html)
    assert props["perms"]["canDelete"] is False  # not drawn in wagtail-localize's footer
    link = re.search(r'<a class="([^"]*)" href="([^"]*)" data-openly-delete-translation>', html)
    assert link is not None
    assert "button-secondary" in link.group(1) and "button-small" in link.group(1)
    assert link.group(2) == props["links"]["deleteUrl"]
    # Following it asks first; nothing is deleted by looking.
    confirm = client.get(link.group(2))
    assert confirm.status_code == 200
    assert "Are you sure you want to delete this page" in confirm.content.decode()
    assert Page.objects.filter(pk=french.pk).exists()


@pytest.mark.django_db
def test_the_editor_shows_how_much_is_translated(world, french, client):
    client.force_login(world.translator)
    html = client.get(edit_url(french)).content.decode()
    expected = figure(french, world.pages_a[LABEL].title)
    assert "of" in expected and "(100%)" not in expected
    assert expected in html
    assert "Segments you leave untranslated will show in English" in html


# -- sending it --------------------------------------------------------------------------


@pytest.mark.django_db
def test_sending_an_unfinished_translation_asks_to_confirm_with_the_figure(world, french, client):
    client.force_login(world.translator)
    page = client.get(submit_url(french)).content.decode()
    assert figure(french, world.pages_a[LABEL].title) in page
    assert "This translation is not finished" in page
    assert "Submit anyway" in page
    # Posting without the confirmation sends nothing and asks again.
    response = client.post(submit_url(french))
    assert response.status_code == 200
    assert "Submit anyway" in response.content.decode()
    assert not WorkflowState.objects.for_instance(french).exists()
    # Confirmed, it is sent, and the figure kept in its history.
    response = client.post(submit_url(french), {"submit_incomplete": "1"})
    assert response.status_code == 302
    assert WorkflowState.objects.for_instance(french).get().status == "in_progress"
    entry = log_registry.get_logs_for_instance(french).get(action=SUBMITTED_ACTION)
    source, strings = source_strings(french)
    assert entry.data == {"total": len(strings), "translated": 1}
    assert entry.message == f"Sent for review with {figure(french, world.pages_a[LABEL].title)}"


@pytest.mark.django_db
def test_a_finished_translation_is_sent_without_warning(world, french, client):
    source, strings = source_strings(french)
    store_strings(source, world.locales["fr"], {text: text for text in strings})
    client.force_login(world.translator)
    page = client.get(submit_url(french)).content.decode()
    assert f"{len(strings)} of {len(strings)} segments (100%) translated" in page
    assert "not finished" not in page and "Submit anyway" not in page
    assert client.post(submit_url(french)).status_code == 302
    assert WorkflowState.objects.for_instance(french).get().status == "in_progress"


# -- reviewing it ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_reviewer_sees_the_figure_it_was_sent_with(world, french, client):
    sent_with = figure(french, world.pages_a[LABEL].title)
    client.force_login(world.translator)
    client.post(submit_url(french), {"submit_incomplete": "1"})
    # The translator goes on typing: the draft under review does not change, nor its figure.
    source, strings = source_strings(french)
    store_strings(source, world.locales["fr"], {text: f"FR {text}" for text in strings})

    client.force_login(world.reviewer_fr)
    html = client.get(edit_url(french)).content.decode()
    assert f"Waiting for review. Sent with {sent_with}." in html
    assert "readers of Français will see the untranslated parts in English" in html
    assert "data-openly-submit-translation" not in html  # already in review
    history = client.get(reverse("wagtailadmin_pages:history", args=[french.pk]))
    assert f"Sent for review with {sent_with}" in history.content.decode()


@pytest.mark.django_db
def test_the_bar_speaks_french(world, french, client):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.translator)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(world.translator)
    html = client.get(edit_url(french)).content.decode()
    assert "Envoyer la traduction en relecture" in html
    assert "segments traduits" in html
    assert "Supprimer la traduction…" in html


@pytest.mark.django_db
def test_a_snippet_translation_editor_leads_forward_too(world, client):
    from home.cocreation.translation_review import snippet_submit_url
    from home.demo.building import translate_snippet
    from tests.factories import CrisisHelplineFactory

    helpline = CrisisHelplineFactory(name="Lifeline", hours="24 hours")
    french = translate_snippet(helpline, "fr", {"Lifeline": "Ligne de vie"})
    french.save_revision(user=world.translator)  # a draft change waiting to be sent
    client.force_login(world.translator)
    url = reverse(
        f"wagtailsnippets_{french._meta.app_label}_{french._meta.model_name}:edit",
        args=[french.pk],
    )
    html = client.get(url).content.decode()
    assert "js-translation-editor" in html
    assert f'href="{snippet_submit_url(french)}" data-openly-submit-translation' in html
    assert "segments" in html and "translated" in html
