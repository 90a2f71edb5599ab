"""Withdrawal erases (DESIGN.md, "Stories and personal data"): after a contributor withdraws
a published, translated story with a picture, several revisions, comments and a message
from the reviewers, nothing of its words, name, picture or contact details is left in any
table of the database or in the media files; search finds nothing, the public addresses are
gone; a tombstone without personal data, an audit entry and a ledger entry remain."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.signals import page_unpublished
from wagtail_localize.models import String, StringSegment, TranslationSource

from campaigns.stories import erasure, ledger, lifecycle
from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cache import generation as cache_generation
from home.cocreation.roles import MODERATORS, STORY_MODERATORS
from home.mail.models import Delivery
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, old_form_state, open_link
from tests.stories.factories import StoryPageFactory
from tests.stories.helpers import (
    BODY_WORD,
    FRENCH_WORD,
    MARKERS,
    SHARED_PARAGRAPH,
    TITLE_WORD,
    database_text,
    markers_in,
    media_files,
    pictures_of,
    share_everything,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(roles):
    user = get_user_model().objects.create_user("safety", "safety.reviewer@example.invalid", "x")
    user.groups.add(roles[STORY_MODERATORS], roles[MODERATORS])
    return user


@pytest.fixture
def other_story(story_index):
    """Another contributor's story, translated with wagtail-localize: it shares one paragraph
    (so one String) with the story that is erased, and must keep it."""
    page = StoryPageFactory(
        parent=story_index,
        title="Another person's story",
        body=f"<p>My own words.</p><p>{SHARED_PARAGRAPH}</p>",
    )
    TranslationSource.get_or_create_from_instance(page)
    return page


@pytest.fixture
def everything(client, reviewer, translated_home, other_story, django_capture_on_commit_callbacks):
    story, record, link = share_everything(client, reviewer, django_capture_on_commit_callbacks)
    french = story.get_translation(translated_home["fr"].locale)
    return story, french, record, link


def _withdraw(client, link, captured):
    status = open_link(client, link)
    with captured(execute=True):
        response = client.post(status, {"action": "withdraw"})
    assert response.status_code == 200
    return response


def test_nothing_of_a_withdrawn_story_is_left_in_any_table(
    client, everything, django_capture_on_commit_callbacks
):
    story, _french, _record, link = everything
    before = database_text()
    # The scan sees each kind of personal text while the story exists...
    assert markers_in(before) == MARKERS
    _withdraw(client, link, django_capture_on_commit_callbacks)
    # ... and none of it afterwards, in any row of any table.
    assert markers_in(database_text()) == []


def test_the_picture_its_renditions_and_their_files_are_gone(
    client, everything, django_capture_on_commit_callbacks
):
    story, _french, _record, link = everything
    image, files = pictures_of(story)
    assert len(files) >= 2  # the original and at least one rendition
    assert set(files) <= media_files()
    _withdraw(client, link, django_capture_on_commit_callbacks)
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_image_model().get_rendition_model().objects.exists()
    assert media_files().isdisjoint(files)


def test_search_and_the_public_addresses_find_nothing(
    client, everything, django_capture_on_commit_callbacks
):
    story, french, _record, link = everything
    urls = [story.url, french.url]
    for url in urls:
        assert client.get(url).status_code == 200
    assert StoryPage.objects.search(TITLE_WORD).count() == 1
    assert TITLE_WORD in client.get(f"/en/search/?q={TITLE_WORD}").content.decode()
    _withdraw(client, link, django_capture_on_commit_callbacks)
    for url in urls:
        assert client.get(url).status_code == 404
    for word in (TITLE_WORD, BODY_WORD, FRENCH_WORD):
        assert list(Page.objects.search(word)) == []
        for language in ("en", "fr"):
            html = client.get(f"/{language}/search/?q={word}").content.decode()
            assert story.url not in html and french.url not in html
            assert "mornings by the harbour" not in html and "au port" not in html
    assert client.get("/en/stories/feed/").content.decode().count(TITLE_WORD) == 0


def test_a_tombstone_an_audit_entry_and_a_ledger_entry_remain(
    client, everything, django_capture_on_commit_callbacks
):
    story, french, record, link = everything
    response = _withdraw(client, link, django_capture_on_commit_callbacks)
    assert "Your story has been erased" in response.content.decode()

    tombstone = ContributorRecord.objects.get(pk=record.pk)
    assert tombstone.page_id is None
    assert tombstone.state == ContributorState.WITHDRAWN
    assert tombstone.erased_at is not None and tombstone.withdrawn_at is not None
    assert tombstone.email == "" and tombstone.reviewer_message == ""
    assert not any(
        [
            tombstone.consent_process,
            tombstone.consent_publish,
            tombstone.consent_translate,
            tombstone.consent_contact,
        ]
    )

    audit = ModelLogEntry.objects.get(action="stories.erase")
    assert audit.object_id == str(record.pk)
    assert audit.data == {
        "reason": "withdrawn",
        "ledger_entry": audit.data["ledger_entry"],
        "pages": 2,
        "images": 1,
        "replayed": False,
    }
    # The page entries of the audit log stay (who did what and when), without the title.
    entries = PageLogEntry.objects.filter(page_id__in=[story.pk, french.pk])
    assert entries.filter(action="wagtail.publish").exists()
    assert set(entries.values_list("label", flat=True)) == {erasure.ERASED_LABEL}

    [entry] = ledger.entries()
    assert entry.id == audit.data["ledger_entry"]
    assert entry.reason == "withdrawn"
    assert entry.translation_key == str(story.translation_key)
    assert entry.record_id == record.pk
    raw = entry.as_json()
    assert markers_in(raw) == []
    assert set(json.loads(raw)) == {
        "version",
        "id",
        "erased_at",
        "reason",
        "translation_key",
        "record_id",
        "record_created",
        "files",
        "rendition_files",
    }


def test_only_strings_no_other_translation_source_uses_are_deleted(
    client, everything, other_story, django_capture_on_commit_callbacks
):
    story, _french, _record, link = everything
    shared = String.objects.get(data=SHARED_PARAGRAPH)
    assert {s.source.object_id for s in StringSegment.objects.filter(string=shared)} == {
        story.translation_key,
        other_story.translation_key,
    }
    _withdraw(client, link, django_capture_on_commit_callbacks)
    assert String.objects.filter(pk=shared.pk).exists()
    assert not TranslationSource.objects.filter(object_id=story.translation_key).exists()
    other_source = TranslationSource.objects.get(object_id=other_story.translation_key)
    assert other_source.stringsegment_set.filter(string=shared).exists()
    assert StoryPage.objects.filter(pk=other_story.pk).exists()


def test_the_site_history_still_opens(
    client, everything, reviewer, django_capture_on_commit_callbacks
):
    _story, _french, _record, link = everything
    _withdraw(client, link, django_capture_on_commit_callbacks)
    admin = get_user_model().objects.create_superuser("root", "root@example.invalid", "x")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Story erased (Withdrawn by its contributor)" in html
    assert markers_in(html) == []


def test_unsent_emails_to_the_contributor_are_erased_and_others_kept(
    client, roles, settings, django_capture_on_commit_callbacks
):
    # Mail goes through the durable queue and the server is not reached yet: every email
    # waits, sealed, in the database.
    settings.EMAIL_BACKEND = "home.mail.backend.QueuedEmailBackend"
    settings.OPENLY_EMAIL_SEND_AT_ONCE = False
    reviewer = get_user_model().objects.create_user("safety", "safety@example.invalid", "x")
    reviewer.groups.add(roles[STORY_MODERATORS])
    state, token = old_form_state()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/stories/share/", form_data(form_state=state))
    kinds = set(Delivery.objects.values_list("kind", flat=True))
    assert kinds == {Delivery.Kind.STATUS_LINK, Delivery.Kind.STORY_REVIEW}
    _withdraw(client, f"/en/stories/status/{token}/", django_capture_on_commit_callbacks)
    # The status link to the contributor is gone; the reviewers' notice (to them, about
    # nobody) stays.
    assert list(Delivery.objects.values_list("kind", flat=True)) == [Delivery.Kind.STORY_REVIEW]
    assert mail.outbox == []


def test_a_picture_used_elsewhere_stays(
    client, everything, story_index, django_capture_on_commit_callbacks
):
    story, _french, _record, link = everything
    image, files = pictures_of(story)
    # A moderator chose the contributor's picture for another page too.
    other = StoryPageFactory(
        parent=story_index, image=image, image_alt="The sea", title="Uses the picture"
    )
    _withdraw(client, link, django_capture_on_commit_callbacks)
    other.refresh_from_db()
    assert other.image_id == image.pk
    assert image.file.name in media_files()


def test_withdrawal_leaves_no_cached_copy(
    client, everything, settings, django_capture_on_commit_callbacks
):
    story, french, _record, link = everything
    settings.OPENLY_PAGE_CACHE = True
    unpublished = []

    def seen(sender, instance, **kwargs):
        unpublished.append(instance.pk)

    page_unpublished.connect(seen, dispatch_uid="test-erasure-unpublished")
    try:
        assert client.get(story.url).status_code == 200
        assert client.get(story.url)["X-Cache"] == "HIT"
        generation = cache_generation()
        _withdraw(type(client)(), link, django_capture_on_commit_callbacks)
    finally:
        page_unpublished.disconnect(dispatch_uid="test-erasure-unpublished")
    # Each language's page was unpublished before it went (what purges its addresses from
    # Wagtail's frontend cache), and every cached page was retired (home.invalidation).
    assert sorted(unpublished) == sorted([story.pk, french.pk])
    assert cache_generation() != generation
    response = client.get(story.url)
    assert response.status_code == 404
    assert TITLE_WORD not in response.content.decode()


def test_erase_can_be_called_for_a_record_whose_page_is_already_gone(story_index):
    """The admin may have deleted the page by hand: erasure still empties the record."""
    from tests.stories.factories import ContributorRecordFactory

    record = ContributorRecordFactory(page=None, reviewer_message="Dear Vexmira")
    erased = lifecycle.withdraw(record)
    assert erased.is_erased and erased.reviewer_message == "" and erased.email == ""
    assert ledger.entries()[0].translation_key is None


def test_nothing_is_erased_when_the_ledger_cannot_be_written(submitted, settings, tmp_path):
    """An erasure is applied only once it can be applied again after a restore."""
    story, record, _link = submitted
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.STORAGES = {
        **settings.STORAGES,
        "erasure_ledger": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": blocker / "ledger"},
        },
    }
    with pytest.raises(OSError):
        lifecycle.withdraw(record)
    record.refresh_from_db()
    assert record.erased_at is None and record.email == CONTRIBUTOR_EMAIL
    assert StoryPage.objects.filter(pk=story.pk).exists()


def test_the_ledger_needs_a_private_storage_of_its_own(settings):
    from campaigns.stories.checks import erasure_ledger_storage

    assert erasure_ledger_storage() == []
    folder = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    others = {k: v for k, v in settings.STORAGES.items() if k != "erasure_ledger"}
    settings.STORAGES = others
    assert [error.id for error in erasure_ledger_storage()] == ["stories.E001"]
    inside_media = {**folder, "OPTIONS": {"location": settings.MEDIA_ROOT / "ledger"}}
    settings.STORAGES = {**others, "erasure_ledger": inside_media}
    assert [error.id for error in erasure_ledger_storage()] == ["stories.E002"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("fr", "Dès que vous confirmez, nous effaçons"),
        ("uk", "Щойно ви підтвердите, ми зітремо"),
        ("ar", "بمجرد أن تؤكد، نمحو"),
    ],
)
def test_the_withdraw_screen_speaks_the_contributors_language(
    client, submitted, story_index, translated_home, language, said
):
    story_index.copy_for_translation(translated_home[language].locale).save_revision().publish()
    _story, _record, link = submitted
    open_link(client, link)
    html = client.get(f"/{language}/stories/status/?step=withdraw").content.decode()
    assert said in html
    assert "As soon as you confirm" not in html and "backups" not in html
