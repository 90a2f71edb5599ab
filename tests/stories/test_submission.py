"""Sharing a story: the happy path, idempotency, anti-abuse and the thank-you page."""

import re

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import WorkflowState

from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from tests.public_forms import browser, fetched_tokens, hidden_values
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, image_bytes

pytestmark = pytest.mark.django_db


def test_form_renders_in_the_readers_language_with_unticked_consents(client, roles, helpline):
    response = client.get("/en/stories/share/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "pages/story_share.html" in [t.name for t in response.templates]
    for name in ("consent_process", "consent_publish", "consent_translate", "consent_contact"):
        assert f'name="{name}"' in html
    assert "checked" not in html.split('name="consent_process"')[1].split(">")[0]
    assert "suicide notes" in html  # safe-messaging guidance
    assert "Ligne d&#x27;écoute 3114" in html or "3114" in html
    # The empty form is the same for every reader: caches may keep it, search engines not.
    assert "public" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert not response.cookies


def test_submission_creates_a_draft_story_and_a_separate_record(client, roles, topics):
    data = form_data(topics=["anxiety"], content_notes=["self-harm"])
    response = client.post("/en/stories/share/", data)
    assert response.status_code == 303
    assert response["Location"] == "/en/stories/share/thanks/"
    story = StoryPage.objects.get()
    assert not story.live
    assert story.locale.language_code == "en"
    assert story.display_name == "Mira"
    assert story.content_notes == ["self-harm"]
    assert [t.slug for t in story.topics.all()] == ["anxiety"]
    assert "<p>For years I thought" in story.body
    record = ContributorRecord.objects.get()
    assert record.page == story
    assert record.email == CONTRIBUTOR_EMAIL
    assert record.consent_process and record.consent_publish and record.consent_translate
    assert not record.consent_contact
    assert record.consent_version
    assert record.consented_at is not None
    assert record.state == ContributorState.RECEIVED
    assert len(record.token_hash) == 64
    state = WorkflowState.objects.get()
    assert state.workflow.name == "Story review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Story safety review"


def test_thank_you_page_shows_the_private_link_and_the_email_sends_it(
    client, roles, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/stories/share/", form_data())
    response = client.get("/en/stories/share/thanks/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/en/stories/status/" in html
    link = html.split('class="story-status-link__url" href="')[1].split('"')[0]
    contributor_mail = [m for m in mail.outbox if CONTRIBUTOR_EMAIL in m.to]
    assert len(contributor_mail) == 1
    assert link in contributor_mail[0].body
    assert client.get(link, follow=True).status_code == 200


def test_thank_you_page_without_a_submission_shows_no_link(client, roles):
    response = client.get("/en/stories/share/thanks/")
    assert response.status_code == 200
    assert "/stories/status/" not in response.content.decode()


def test_double_click_creates_one_story(client, roles):
    data = form_data()
    first = client.post("/en/stories/share/", data)
    second = client.post("/en/stories/share/", data)
    assert first.status_code == second.status_code == 303
    assert StoryPage.objects.count() == 1
    assert ContributorRecord.objects.count() == 1
    assert WorkflowState.objects.count() == 1
    # The second response still leads to the same private link.
    html = client.get("/en/stories/share/thanks/").content.decode()
    assert "/en/stories/status/" in html


def test_honeypot_refuses_and_saves_nothing(client, roles):
    response = client.post("/en/stories/share/", form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert StoryPage.objects.count() == 0


def test_too_fast_submission_is_refused_with_a_message(client, roles):
    from campaigns.stories.forms import new_form_state

    response = client.post("/en/stories/share/", form_data(form_state=new_form_state()))
    assert response.status_code == 400
    assert "very quick" in response.content.decode()
    assert StoryPage.objects.count() == 0


def test_forged_form_state_is_refused(client, roles):
    response = client.post("/en/stories/share/", form_data(form_state="forged:value"))
    assert response.status_code == 400
    assert StoryPage.objects.count() == 0


def test_rate_limit_gives_a_readable_429(client, roles, settings):
    settings.OPENLY_STORY_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert client.post("/en/stories/share/", form_data()).status_code == 303
    response = client.post("/en/stories/share/", form_data())
    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()
    assert StoryPage.objects.count() == 2


def test_consents_are_required_and_unticked_by_default(client, roles):
    data = form_data()
    del data["consent_process"]
    del data["consent_publish"]
    response = client.post("/en/stories/share/", data)
    assert response.status_code == 400
    assert "We need this consent" in response.content.decode()
    assert StoryPage.objects.count() == 0


def test_contact_consent_needs_an_email(client, roles):
    response = client.post("/en/stories/share/", form_data(email="", consent_contact="on"))
    assert response.status_code == 400
    assert StoryPage.objects.count() == 0


def test_anonymous_signature_ignores_a_typed_name(client, roles):
    client.post("/en/stories/share/", form_data(name_choice="anonymous", display_name="Jo"))
    assert StoryPage.objects.get().display_name == ""


def test_submission_in_french_creates_a_french_draft(client, roles, translated_home, story_index):
    fr_index = story_index.copy_for_translation(translated_home["fr"].locale)
    fr_index.save_revision().publish()
    from home.cocreation.roles import setup_roles

    setup_roles()
    response = client.get("/fr/stories/share/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
    assert client.post("/fr/stories/share/", form_data()).status_code == 303
    story = StoryPage.objects.get()
    assert story.locale.language_code == "fr"
    assert story.get_parent().pk == fr_index.pk
    assert ContributorRecord.objects.get().language == "fr"
    assert story.get_workflow().name == "Story review"


def test_corrected_mistakes_do_not_use_up_the_limit(client, roles, settings):
    settings.OPENLY_STORY_RATE_LIMIT = (2, 3600)
    for _ in range(5):
        assert client.post("/en/stories/share/", form_data(title="")).status_code == 400
    assert client.post("/en/stories/share/", form_data()).status_code == 303


def test_bot_attempts_count_towards_the_limit(client, roles, settings):
    settings.OPENLY_STORY_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        client.post("/en/stories/share/", form_data(website="spam"))
    assert client.post("/en/stories/share/", form_data()).status_code == 429
    assert StoryPage.objects.count() == 0


@pytest.mark.parametrize(
    "setting",
    # The site's one proxy setting, and its deprecated story-only former name.
    ["OPENLY_CLIENT_IP_HEADER", "OPENLY_STORY_CLIENT_IP_HEADER"],
)
def test_rate_limit_is_per_client_behind_a_trusted_proxy(client, roles, settings, setting):
    settings.OPENLY_STORY_RATE_LIMIT = (1, 3600)
    settings.OPENLY_CLIENT_IP_HEADER = ""
    setattr(settings, setting, "HTTP_X_REAL_IP")
    first = client.post("/en/stories/share/", form_data(), HTTP_X_REAL_IP="203.0.113.1")
    other = client.post("/en/stories/share/", form_data(), HTTP_X_REAL_IP="203.0.113.2")
    again = client.post("/en/stories/share/", form_data(), HTTP_X_REAL_IP="203.0.113.1")
    assert (first.status_code, other.status_code, again.status_code) == (303, 303, 429)


def test_the_cache_never_holds_the_client_address(client, roles):
    from django.core.cache import cache

    client.post("/en/stories/share/", form_data(), REMOTE_ADDR="198.51.100.7")
    keys = list(cache._cache.keys())
    assert keys
    assert not any("198.51.100.7" in str(key) for key in keys)


def test_length_help_is_in_the_readers_language(client, translated_home, story_index):
    """The limit is formatted into the help text when the form is shown, not at import."""
    from campaigns.stories.forms import STORY_TEXT_MAX_CHARS

    story_index.copy_for_translation(translated_home["fr"].locale).save_revision().publish()
    html = client.get("/fr/stories/share/").content.decode()
    assert f"{STORY_TEXT_MAX_CHARS} caractères" in html
    assert "Up to" not in html


# -- the share form on a page every reader shares (home.public_forms) -----------------------


def later(seconds=30):
    """The contributor takes their time (past the minimum fill time)."""
    return time_machine.travel(timezone.now() + timezone.timedelta(seconds=seconds))


def test_the_empty_form_carries_no_token_and_no_form_state(roles):
    html = browser().get("/en/stories/share/").content.decode()
    assert hidden_values(html, 'class="story-form"') == {"csrfmiddlewaretoken": ""}
    assert 'name="form_state"' in html
    assert 'data-form-tokens="/forms/token/?form=story-share"' in html


def test_a_story_with_the_fetched_tokens_is_received(roles):
    client = browser()
    client.get("/en/stories/share/")
    tokens = fetched_tokens(client, "story-share")
    with later():
        response = client.post("/en/stories/share/", {**form_data(), **tokens})
    assert response.status_code == 303
    assert StoryPage.objects.count() == 1


def test_a_story_sent_without_a_token_comes_back_whole_then_goes_through(roles, topics):
    client = browser()
    data = {**form_data(topics=["stigma"], content_notes=["self-harm"]), "form_state": ""}
    response = client.post("/en/stories/share/", data)
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert StoryPage.objects.count() == 0 and ContributorRecord.objects.count() == 0
    html = response.content.decode()
    assert "For your security, please check your answers and send the form again." in html
    assert 'value="Learning to ask for help"' in html
    assert "For years I thought I had to cope alone." in html
    assert f'value="{CONTRIBUTOR_EMAIL}"' in html
    assert re.search(r'name="consent_publish"[^>]* checked', html)
    assert re.search(r'name="topics" value="stigma"[^>]* checked', html)
    assert re.search(r'name="content_notes" value="self-harm"[^>]* checked', html)
    assert "Please check your answers</h2>" not in html  # no field is marked wrong
    again = hidden_values(html, 'class="story-form"')
    assert again["csrfmiddlewaretoken"] and again["form_state"]
    with later():
        response = client.post("/en/stories/share/", {**data, **again})
    assert response.status_code == 303
    story = StoryPage.objects.get()
    assert story.content_notes == ["self-harm"]
    assert ContributorRecord.objects.get().email == CONTRIBUTOR_EMAIL


def test_a_picture_sent_without_a_token_is_asked_for_again(roles):
    picture = SimpleUploadedFile("me.jpg", image_bytes(), "image/jpeg")
    data = {**form_data(), "image": picture, "image_alt": "A walk by the sea"}
    response = browser().post("/en/stories/share/", data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Please choose your picture again." in html
    assert 'value="A walk by the sea"' in html
    assert StoryPage.objects.count() == 0


def test_other_story_forms_keep_the_plain_refusal(submitted):
    _story, _record, url = submitted
    response = browser().post(url, {"action": "withdraw"})
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()
    assert not ContributorRecord.objects.get().is_withdrawn
