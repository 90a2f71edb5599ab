"""Fixtures for the stories tests: a story section in en (and fr, ar), a fast form, and a
helper that submits the share form like a browser."""

import io
import time

import pytest
from django.core import signing
from django.core.cache import cache
from PIL import Image

from campaigns.stories import forms as story_forms
from home.cocreation.roles import setup_roles
from tests.factories import CrisisHelplineFactory, TopicFactory
from tests.sharing import reusable_fixture, shared_fixture
from tests.stories.factories import StoryIndexPageFactory

CONTRIBUTOR_EMAIL = "private.person@example.invalid"


@pytest.fixture(autouse=True)
def _fresh_cache(settings, tmp_path):
    """Rate limits live in the cache: every test starts with none spent. Uploads and the
    erasure ledger go to folders of this test's own, so file checks are not disturbed by
    parallel test runs."""
    settings.OPENLY_STORY_MIN_FILL_SECONDS = 5
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "erasure_ledger": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "erasure-ledger"},
        },
    }
    cache.clear()
    yield
    cache.clear()


@reusable_fixture
def story_index(home_page):
    """The English story section under the home page."""
    index = StoryIndexPageFactory(parent=home_page)
    return index


@shared_fixture
def roles(story_index):
    """The role groups, with the story workflow attached to the story index; built once for
    the tests of a module that ask for it (see tests/sharing.py)."""
    return setup_roles()


@pytest.fixture
def topics(locales):
    return {
        "anxiety": TopicFactory(name="Anxiety", slug="anxiety"),
        "stigma": TopicFactory(name="Stigma", slug="stigma"),
    }


@pytest.fixture
def helpline(locales):
    return CrisisHelplineFactory(name="Ligne d'écoute 3114", country="FR", phone="3114")


def old_form_state(seconds=60):
    """A form state as if the form was shown ``seconds`` ago (past the minimum fill time)."""
    token = story_forms.new_status_token()
    return signing.dumps(
        {"t": int(time.time()) - seconds, "k": token}, salt=story_forms.FORM_STATE_SALT
    ), token


def form_data(**overrides):
    state, _token = old_form_state()
    data = {
        "title": "Learning to ask for help",
        "body": "For years I thought I had to cope alone. Talking to a friend was the first "
        "step, and a peer group helped me more than I expected.",
        "name_choice": "first_name",
        "display_name": "Mira",
        "age_range": "25-34",
        "country": "FR",
        "email": CONTRIBUTOR_EMAIL,
        "consent_process": "on",
        "consent_publish": "on",
        "consent_translate": "on",
        "form_state": state,
        "website": "",
    }
    data.update(overrides)
    return data


def image_bytes(fmt="JPEG", size=(40, 30), exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (30, 120, 90))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


@pytest.fixture
def share_url(story_index):
    return "/en/stories/share/"


STATUS_PAGE = "/en/stories/status/"


def open_link(client, link):
    """Follow a private status link like the contributor: the token is exchanged for a short
    private session and the browser lands on the token-free status page, whose URL this
    returns."""
    response = client.get(link)
    assert response.status_code == 303, response.status_code
    assert "no-store" in response["Cache-Control"]
    page = response["Location"]
    assert "/stories/status/" in page and link.rstrip("/").rsplit("/", 1)[1] not in page
    return page


@pytest.fixture
def submitted(client, roles, django_capture_on_commit_callbacks):
    """Submit one story through the form; returns (story page, record, private status link).
    ``open_link(client, link)`` opens its status page."""
    from campaigns.stories.models import ContributorRecord, StoryPage

    state, token = old_form_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", form_data(form_state=state))
    assert response.status_code == 303
    record = ContributorRecord.objects.get()
    return StoryPage.objects.get(), record, f"/en/stories/status/{token}/"


def publish_story(story):
    """Publish a story the way the workflow's last approval would (bypassing review)."""
    story.refresh_from_db()
    story.get_latest_revision().publish()
    story.refresh_from_db()
    return story
