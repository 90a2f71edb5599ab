"""A restore from backup does not bring an erased story back for good: the erasure ledger
lives outside the database, and ``manage.py replay_erasures`` applies every erasure again.
The tests take a backup (a dump of the database and a copy of the media folder), withdraw
the story, restore the backup, see the story back, replay, and see it gone again."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from campaigns.stories import ledger
from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.roles import MODERATORS, STORY_MODERATORS
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, old_form_state, open_link
from tests.stories.helpers import (
    MARKERS,
    backup,
    database_text,
    markers_in,
    media_files,
    pictures_of,
    restore,
    share_everything,
)

# A restore empties and refills every table: only a test outside a transaction can.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reviewer(roles):
    user = get_user_model().objects.create_user("safety", "safety.reviewer@example.invalid", "x")
    user.groups.add(roles[STORY_MODERATORS], roles[MODERATORS])
    return user


def _replay():
    out = io.StringIO()
    call_command("replay_erasures", stdout=out)
    return out.getvalue()


def _withdraw(link):
    from django.test import Client

    client = Client()
    response = client.post(open_link(client, link), {"action": "withdraw"})
    assert response.status_code == 200


def test_a_restored_backup_is_erased_again_by_the_replay(
    client, reviewer, translated_home, tmp_path, django_capture_on_commit_callbacks
):
    story, record, link = share_everything(client, reviewer, django_capture_on_commit_callbacks)
    french = story.get_translation(translated_home["fr"].locale)
    _image, files = pictures_of(story)
    dump, media = tmp_path / "backup.json", tmp_path / "media-backup"
    backup(dump, media)

    _withdraw(link)
    assert markers_in(database_text()) == []
    assert media_files().isdisjoint(files)

    # Disaster: the backup taken before the withdrawal is restored. The story is back.
    restore(dump, media)
    assert markers_in(database_text()) == MARKERS
    assert set(files) <= media_files()
    assert client.get(story.url).status_code == 200
    assert client.get(french.url).status_code == 200
    assert ContributorRecord.objects.get(pk=record.pk).email == CONTRIBUTOR_EMAIL

    out = _replay()
    assert "Read 1 erasure(s) from the ledger; 1 had something to erase again" in out
    assert "2 page(s), 1 picture(s)" in out
    assert "1 contributor record(s)" in out

    # Gone again: every table, every file, both addresses.
    assert markers_in(database_text()) == []
    assert media_files().isdisjoint(files)
    assert client.get(story.url).status_code == 404
    assert client.get(french.url).status_code == 404
    assert not StoryPage.objects.filter(translation_key=story.translation_key).exists()
    assert not get_image_model().objects.exists()
    tombstone = ContributorRecord.objects.get(pk=record.pk)
    assert tombstone.state == ContributorState.WITHDRAWN
    assert tombstone.erased_at is not None and tombstone.page_id is None
    [entry] = ledger.entries()
    assert tombstone.erased_at.isoformat() == entry.erased_at
    audit = ModelLogEntry.objects.get(action="stories.erase")
    assert audit.data["replayed"] is True and audit.data["ledger_entry"] == entry.id

    # Replaying again finds nothing more to do.
    assert "0 had something to erase again" in _replay()
    assert ModelLogEntry.objects.filter(action="stories.erase").count() == 1


def test_a_story_shared_after_the_restore_is_never_taken_for_an_erased_one(
    client, roles, tmp_path, settings, django_capture_on_commit_callbacks
):
    """The database gives the erased story's ids again to what comes after the restore:
    the replay finds the erased story by its translation key and its record by id and
    creation time together, so a new story with the same ids is left alone."""
    settings.OPENLY_STORY_RATE_LIMIT = (100, 3600)
    dump, media = tmp_path / "backup.json", tmp_path / "media-backup"
    backup(dump, media)

    def share(title):
        state, token = old_form_state()
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/en/stories/share/", form_data(form_state=state, title=title))
        return ContributorRecord.objects.get(page__title=title), f"/en/stories/status/{token}/"

    erased, link = share("Erased after the backup")
    _withdraw(link)
    restore(dump, media)
    assert not ContributorRecord.objects.exists()

    newcomer, _link = share("Shared after the restore")
    # Whether the database hands out the same id again depends on the engine and on how
    # the dump was restored: make it so.
    ContributorRecord.objects.filter(pk=newcomer.pk).update(id=erased.pk)
    newcomer = ContributorRecord.objects.get(pk=erased.pk)
    assert "1 erasure(s) from the ledger; 0 had something to erase again" in _replay()
    newcomer.refresh_from_db()
    assert newcomer.erased_at is None and newcomer.email == CONTRIBUTOR_EMAIL
    assert StoryPage.objects.filter(pk=newcomer.page_id, title="Shared after the restore").exists()
