"""Private status links survive a rotation of SECRET_KEY: the old key, kept in
SECRET_KEY_FALLBACKS, still opens them, and each link used is hashed again with the new key
so the fallback can be dropped later. Without the fallback an old link is simply not valid."""

import pytest
from django.test import Client

from campaigns.stories.models import ContributorRecord
from campaigns.stories.tokens import hash_token

pytestmark = pytest.mark.django_db

OLD_KEY = "test-only-key-not-secret"
NEW_KEY = "a-new-test-only-key-after-rotation-0123456789"


@pytest.fixture
def old_key(settings):
    settings.SECRET_KEY = OLD_KEY
    settings.SECRET_KEY_FALLBACKS = []
    return settings


def _opens(url):
    """Follow the private link in a fresh browser; the status page's body, or None."""
    response = Client().get(url, follow=True)
    if response.status_code != 200:
        assert response.status_code == 404, response.status_code
        return None
    html = response.content.decode()
    assert "Withdraw your story" in html
    return html


def test_an_old_link_works_after_the_key_is_rotated_with_a_fallback(old_key, submitted):
    _story, record, url = submitted
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert record.token_hash == hash_token(token)

    old_key.SECRET_KEY = NEW_KEY
    old_key.SECRET_KEY_FALLBACKS = [OLD_KEY]
    assert _opens(url) is not None
    # That visit stored the hash under the new key: the fallback is no longer needed.
    record.refresh_from_db()
    assert record.token_hash == hash_token(token)
    old_key.SECRET_KEY_FALLBACKS = []
    assert _opens(url) is not None
    assert ContributorRecord.objects.get().token_hash == hash_token(token)


def test_without_the_fallback_an_old_link_is_not_valid(old_key, submitted):
    _story, record, url = submitted
    old_key.SECRET_KEY = NEW_KEY
    response = Client().get(url, follow=True)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    record.refresh_from_db()
    assert record.token_hash != hash_token(url.rstrip("/").rsplit("/", 1)[1])


def test_the_same_submission_sent_again_after_a_rotation_finds_its_story(old_key, submitted):
    from campaigns.stories.lifecycle import find_submission

    _story, record, url = submitted
    token = url.rstrip("/").rsplit("/", 1)[1]
    old_key.SECRET_KEY = NEW_KEY
    old_key.SECRET_KEY_FALLBACKS = [OLD_KEY]
    assert find_submission(token) == record
    old_key.SECRET_KEY_FALLBACKS = []
    assert find_submission(token) is None
