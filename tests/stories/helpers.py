"""Helpers for the erasure tests: a story with everything a story can leave behind, and a
look at every row of every table of the database."""

import shutil
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Comment, CommentReply

from campaigns.stories import lifecycle
from campaigns.stories.models import ContributorRecord, StoryPage
from home.demo.building import translate_page
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, image_bytes, old_form_state

# Words that appear nowhere else: each stands for one kind of personal text.
TITLE_WORD = "Zyxquorn"
BODY_WORD = "Plumbeqa"
NAME = "Vexmira"
ALT_WORD = "Kelvorin"
EDIT_WORD = "Snarvelt"
REVIEWER_WORD = "Brontavel"
MESSAGE_WORD = "Qorvanth"
COMMENT_WORD = "Drelphax"
FRENCH_WORD = "Wostrapel"
MARKERS = [
    TITLE_WORD,
    BODY_WORD,
    NAME,
    ALT_WORD,
    EDIT_WORD,
    REVIEWER_WORD,
    MESSAGE_WORD,
    COMMENT_WORD,
    FRENCH_WORD,
    CONTRIBUTOR_EMAIL,
]
TITLE = f"{TITLE_WORD} mornings by the harbour"
SHARED_PARAGRAPH = "Thank you for reading this far."


def database_text():
    """Every value of every row of every table (search index tables and their internal
    tables included), lower-cased; bytes are read as Latin-1, so words inside binary index
    pages are found too."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes):
                        value = bytes(value).decode("latin-1")
                    chunks.append(str(value))
    return "\n".join(chunks).lower()


def markers_in(text):
    """The markers ``text`` holds (compared lower-cased)."""
    lowered = text.lower()
    return [marker for marker in MARKERS if marker.lower() in lowered]


def media_files():
    """Every file under MEDIA_ROOT, by its name relative to it."""
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def share_everything(client, reviewer, captured):
    """Share a story with a picture and an email, edit it as its contributor, edit it as a
    reviewer (approved by the contributor), comment on it, write the contributor a message,
    publish it, show it (making a rendition) and translate it into French (published).
    ``captured`` is django_capture_on_commit_callbacks. Returns (story, record, link)."""
    state, token = old_form_state()
    data = form_data(
        form_state=state,
        title=TITLE,
        body=f"I kept it to myself. {BODY_WORD} was the word I used.\n\n{SHARED_PARAGRAPH}",
        display_name=NAME,
        consent_contact="on",
    )
    picture = {"image": _upload(), "image_alt": f"{ALT_WORD} by the sea"}
    with captured(execute=True):
        assert client.post("/en/stories/share/", {**data, **picture}).status_code == 303
    record = ContributorRecord.objects.get(page__title=TITLE)
    lifecycle.contributor_edit(
        record, TITLE, f"{EDIT_WORD} is what I say now.\n\n{SHARED_PARAGRAPH}"
    )
    draft = StoryPage.objects.get(pk=record.page_id).get_latest_revision_as_object()
    assert EDIT_WORD in draft.body
    draft.body = draft.body.replace(EDIT_WORD, f"{EDIT_WORD} {REVIEWER_WORD}")
    revision = draft.save_revision(user=reviewer)
    record.refresh_from_db()
    assert lifecycle.approve_reviewer_edit(record, revision.pk)
    story = StoryPage.objects.get(pk=record.page_id)
    comment = Comment.objects.create(
        page=story,
        user=reviewer,
        text=f"{COMMENT_WORD}: is this safe to publish?",
        contentpath="body",
        revision_created=revision,
    )
    CommentReply.objects.create(comment=comment, user=reviewer, text=f"{COMMENT_WORD} again")
    # What the admin logs when a comment is made: the text is in the entry's data.
    log(
        instance=story,
        action="wagtail.comments.create",
        user=reviewer,
        data={"comment": {"id": comment.pk, "contentpath": "body", "text": comment.text}},
    )
    record.reviewer_message = f"{MESSAGE_WORD}: thank you, it is lovely."
    record.save()
    with captured(execute=True):
        revision.publish()
        story.refresh_from_db()
        assert story.live
        assert client.get(story.url).status_code == 200  # makes the picture's rendition
        french = translate_page(story, "fr", {TITLE: f"{FRENCH_WORD} au port"})
    assert StoryPage.objects.get(pk=french.pk).live
    return story, record, f"/en/stories/status/{token}/"


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("Mira at home.jpg", image_bytes(), "image/jpeg")


def pictures_of(story):
    """The story's picture and its renditions' file names."""
    image = get_image_model().objects.get(pk=story.image_id)
    return image, [image.file.name, *(r.file.name for r in image.renditions.all())]


def backup(path, media_copy):
    """What an operator's backup holds: the whole database (Django's dump of every model
    whose table it manages; the search engine's own tables are rebuilt from the index rows
    on restore) and a copy of the media folder."""
    derived = [model._meta.label for model in apps.get_models() if not model._meta.managed]
    call_command("dumpdata", exclude=derived, output=str(path), verbosity=0)
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    shutil.copytree(settings.MEDIA_ROOT, media_copy)


def restore(path, media_copy):
    """Put the backup back in place of everything: an empty database filled from the dump
    (as after restoring a database dump), the media folder replaced by the copy. The
    erasure ledger is not part of the backup."""
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    call_command("loaddata", str(path), verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    shutil.copytree(media_copy, settings.MEDIA_ROOT)
    cache.clear()
