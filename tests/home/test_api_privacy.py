"""The read API never shows what the stories' privacy rules keep back: nothing of a
contributor record (email, consent, status, reviewers' messages) in any answer, and no
trace of a story that is not live (a draft, one waiting for review, a withdrawn one)."""

import pytest
from django.core.cache import cache
from django.test import Client

from campaigns.stories import lifecycle
from campaigns.stories.constants import ContributorState
from tests.stories.factories import (
    ContributorRecordFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "private.person@example.invalid"
CONSENT_VERSION = "consent-wording-v7"
REVIEWER_MESSAGE = "Please soften the second paragraph"
SECRETS = [EMAIL, CONSENT_VERSION, REVIEWER_MESSAGE, "consent_", "token", "contributor_record"]


@pytest.fixture(autouse=True)
def _ledger(settings, tmp_path):
    """Withdrawals note erasures in a ledger: this test's own folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "erasure_ledger": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "erasure-ledger"},
        },
    }
    cache.clear()


@pytest.fixture
def stories(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    published = StoryPageFactory(parent=index, title="Finding my voice", display_name="Mira")
    ContributorRecordFactory(
        page=published,
        email=EMAIL,
        consent_version=CONSENT_VERSION,
        reviewer_message=REVIEWER_MESSAGE,
        state=ContributorState.PUBLISHED,
    )
    draft = StoryPageFactory(parent=index, title="Unpublished draft title", live=False)
    ContributorRecordFactory(page=draft, email="draft.person@example.invalid")
    withdrawn = StoryPageFactory(parent=index, title="Story later withdrawn")
    withdrawn_record = ContributorRecordFactory(
        page=withdrawn, email="withdrawn.person@example.invalid", state=ContributorState.PUBLISHED
    )
    return {
        "published": published,
        "draft": draft,
        "withdrawn": withdrawn,
        "withdrawn_record": withdrawn_record,
    }


def every_answer(client, pages):
    """The text of every answer the API gives about these pages, with every field."""
    urls = ["/api/v2/", "/api/v2/stories/?fields=*", "/api/v2/pages/?fields=*"]
    for page in pages:
        urls += [f"/api/v2/stories/{page.pk}/", f"/api/v2/pages/{page.pk}/?fields=*"]
    answers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        answers[url] = response.content.decode()
    return answers


def test_no_contributor_data_in_any_answer(stories):
    pages = [stories["published"], stories["draft"], stories["withdrawn"]]
    answers = every_answer(Client(), pages)
    for url, text in answers.items():
        for secret in SECRETS:
            assert secret not in text, (url, secret)


def test_a_published_story_shows_its_public_fields_only(client, stories):
    story = stories["published"]
    data = client.get(f"/api/v2/stories/{story.pk}/").json()
    assert data["title"] == "Finding my voice"
    assert data["display_name"] == "Mira"
    assert data["country"] == "FR"
    assert "listened" in data["body"]
    assert set(data) == {
        "id",
        "meta",
        "title",
        "excerpt",
        "display_name",
        "country",
        "topics",
        "content_notes",
        "campaign_id",
        "picture",
        "body",
    }


def test_a_draft_story_leaves_no_trace(client, stories):
    draft = stories["draft"]
    for url, text in every_answer(client, [draft, stories["published"]]).items():
        assert "Unpublished draft title" not in text, url
        assert "draft.person@example.invalid" not in text, url
    assert client.get(f"/api/v2/stories/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_a_withdrawn_story_leaves_no_trace(client, stories):
    withdrawn = stories["withdrawn"]
    assert "Story later withdrawn" in client.get("/api/v2/stories/").content.decode()
    lifecycle.withdraw(stories["withdrawn_record"])
    for url, text in every_answer(client, [withdrawn, stories["published"]]).items():
        assert "Story later withdrawn" not in text, url
        assert "withdrawn.person@example.invalid" not in text, url
    assert client.get(f"/api/v2/stories/{withdrawn.pk}/").status_code == 404
