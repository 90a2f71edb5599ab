"""Erasing a story: what a withdrawal and the retention job do (through the lifecycle), and
what ``manage.py replay_erasures`` does again after a database restore.

``erase(record, reason)`` first writes an entry to the erasure ledger (``ledger``), then, in
the caller's transaction, removes:

- every language's page of the story, after stopping its review and unpublishing it (which
  retires the page caches and bans Varnish: home.invalidation). Deleting a page deletes its
  revisions, comments and subscriptions, workflow and task states (with the language check's
  findings), stored language checks, search index rows, outgoing references and redirects;
- its wagtail-localize data: the translatable object with its sources (the whole content as
  JSON), segments, contexts, translations and logs, the translated strings, and the source
  strings and templates no other source uses (wagtail-localize shares equal strings);
- the story's pictures in the "Story submissions" collection that nothing else uses, with
  their renditions, and (once the transaction commits) their files;
- unsent emails to the contributor (home.mail);
- the title and details in the audit log's entries about those pages: the entries stay with
  a neutral label, so who did what and when is still known;
- the contributor's email, the moderators' message and the consents. The record stays as a
  tombstone (state, language and dates only) with an "Erase story" audit entry.

On SQLite the deleted rows are overwritten in the database file (``secure_delete``) and the
full-text index is merged so it keeps no erased words (home.search).
"""

import contextlib
from dataclasses import dataclass, fields

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
)

from campaigns.stories import ledger
from campaigns.stories.constants import ERASE_ACTION, ContributorState, ErasureReason
from campaigns.stories.images import SUBMISSIONS_COLLECTION
from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.models.story import StoryPage
from home.mail.deliveries import forget_unsent_to
from home.search import forget_deleted_entries

# What the audit log's entries about an erased story's pages are labelled instead of its title.
ERASED_LABEL = "Erased story"

TOMBSTONE_STATES = {
    ErasureReason.WITHDRAWN: ContributorState.WITHDRAWN,
    ErasureReason.DECLINED: ContributorState.DECLINED,
    ErasureReason.EXPIRED: ContributorState.EXPIRED,
}


@dataclass
class Erased:
    """What one erasure (or a replay of many) removed: counts only."""

    pages: int = 0
    images: int = 0
    files: int = 0
    strings: int = 0
    emails: int = 0
    records: int = 0

    def __bool__(self):
        return any(getattr(self, f.name) for f in fields(self))

    def __add__(self, other):
        return Erased(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def erase(record, reason):
    """Erase ``record``'s story in every language and make ``record`` a tombstone, for
    ``reason`` (an ErasureReason). Call it in a transaction holding ``record`` locked (the
    lifecycle does). The ledger entry is written first; if it cannot be, nothing is erased
    and the error is raised. Returns an Erased."""
    reason = ErasureReason(reason)
    key = _translation_key(record)
    pages = _story_pages(key)
    pictures = _pictures_only_these_pages_use(pages)
    originals, renditions = _file_names(pictures)
    entry = ledger.Entry(
        reason=reason.value,
        translation_key=key,
        record_id=record.pk,
        record_created=record.submitted_at.isoformat(),
        files=tuple(originals),
        rendition_files=tuple(renditions),
    )
    ledger.write(entry)
    return _apply(entry, record, pages, pictures, replayed=False)


def replay(entry):
    """Apply the ledger ``entry`` again, in its own transaction: whatever of that story a
    restored database or media folder holds is erased as it was the first time. Nothing
    else: pages are found by the story's translation key, the record by its id and creation
    time together, pictures by their stored file names. Returns an Erased (empty when there
    was nothing left to erase)."""
    with transaction.atomic():
        record = _record_of(entry)
        pages = _story_pages(entry.translation_key)
        pictures = _pictures_only_these_pages_use(pages) + _pictures_named(entry)
        unique = list({picture.pk: picture for picture in pictures}.values())
        return _apply(entry, record, pages, unique, replayed=True)


def replay_all():
    """Apply every ledger entry again, oldest first. Returns (entries read, entries that
    still erased something, Erased totals)."""
    entries = ledger.entries()
    applied, total = 0, Erased()
    for entry in entries:
        erased = replay(entry)
        applied += bool(erased)
        total += erased
    return len(entries), applied, total


# --- What belongs to the story ------------------------------------------------------------


def _translation_key(record):
    """The story's translation key (shared by every language's page), or None."""
    if record.page_id is None:
        return None
    key = Page.objects.filter(pk=record.page_id).values_list("translation_key", flat=True)
    found = key.first()
    return str(found) if found else None


def _story_pages(key):
    """Every language's page of the story (the source and its translations)."""
    if not key:
        return []
    return list(StoryPage.objects.filter(translation_key=key).order_by("-depth", "pk"))


def _picture_ids(pages):
    """The pictures the pages show or any of their revisions showed."""
    ids = {page.image_id for page in pages if page.image_id}
    revisions = Revision.objects.page_revisions().filter(object_id__in=[str(p.pk) for p in pages])
    for content in revisions.values_list("content", flat=True):
        image_id = content.get("image") if isinstance(content, dict) else None
        if isinstance(image_id, int):
            ids.add(image_id)
    return ids


def _pictures_only_these_pages_use(pages):
    """The story's pictures from the submissions collection that nothing outside ``pages``
    refers to (a moderator may have used one elsewhere: that one stays)."""
    image_model = get_image_model()
    candidates = image_model.objects.filter(
        pk__in=_picture_ids(pages), collection__name=SUBMISSIONS_COLLECTION
    )
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = [str(page.pk) for page in pages]
    return [
        picture
        for picture in candidates.prefetch_related("renditions")
        if not ReferenceIndex.get_references_to(picture)
        .exclude(base_content_type=page_type, object_id__in=page_ids)
        .exists()
    ]


def _pictures_named(entry):
    """Pictures whose stored file is one the ledger entry names (a restored database may
    hold the picture without the page that showed it), unless something else uses them."""
    if not entry.files:
        return []
    named = get_image_model().objects.filter(
        file__in=entry.files, collection__name=SUBMISSIONS_COLLECTION
    )
    return [p for p in named if not ReferenceIndex.get_references_to(p).exists()]


def _file_names(pictures):
    originals = [p.file.name for p in pictures]
    renditions = [r.file.name for p in pictures for r in p.renditions.all()]
    return originals, renditions


def _record_of(entry):
    """The contributor record the ledger ``entry`` was about, if the database holds it."""
    records = ContributorRecord.objects.select_for_update()
    if entry.record_id is not None and entry.record_created:
        found = records.filter(pk=entry.record_id, submitted_at=entry.record_created_time)
        if found.exists():
            return found.get()
    if entry.translation_key:
        return records.filter(page__translation_key=entry.translation_key).first()
    return None


# --- Erasing ------------------------------------------------------------------------------


def _apply(entry, record, pages, pictures, replayed):
    erased = Erased()
    # A record is made a tombstone unless it already is one (a replay finding it so).
    tombstone = record is not None and (record.erased_at is None or record.page_id is not None)
    with _overwriting_deletes():
        localized = _localize_rows(entry.translation_key)
        erased.pages = _delete_pages(pages)
        erased.strings = _delete_localize_data(entry.translation_key, *localized)
        erased.files = _delete_files_on_commit(entry, pictures)
        erased.images = len(pictures)
        for picture in pictures:
            picture.delete()
        if tombstone:
            erased.emails = forget_unsent_to(record.email)
            _make_tombstone(record, entry)
            erased.records = 1
        if erased and record is not None:
            _audit(record, entry, erased, replayed)
        if erased.pages:
            forget_deleted_entries()
    return erased


def _delete_pages(pages):
    """Stop, unpublish (purging the caches) and delete ``pages``; relabel their audit-log
    entries, including the ones these steps write."""
    for page in pages:
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=None)
        if page.live:
            page.unpublish(user=None)
    for page in pages:
        page.delete()
    PageLogEntry.objects.filter(page_id__in=[page.pk for page in pages]).update(
        label=ERASED_LABEL, data={}
    )
    return len(pages)


def _localize_rows(key):
    """The strings and templates the story's translation sources use (read before the
    pages go: wagtail-localize removes its own rows as each page is deleted)."""
    if not key:
        return set(), set()
    strings = StringSegment.objects.filter(source__object_id=key).values_list("string_id")
    templates = TemplateSegment.objects.filter(source__object_id=key).values_list("template_id")
    return {pk for (pk,) in strings}, {pk for (pk,) in templates}


def _delete_localize_data(key, string_ids, template_ids):
    """Delete what wagtail-localize kept of the story (whatever its settings left after the
    pages went) and the strings and templates no other source uses; return how many
    strings went."""
    if key:
        for model in (OverridableSegment, RelatedObjectSegment, StringSegment, TemplateSegment):
            model.objects.filter(source__object_id=key).delete()
        for model in (SegmentOverride, StringTranslation):
            model.objects.filter(context__object_id=key).delete()
        # Cascades to its sources, contexts, translations and translation logs.
        TranslatableObject.objects.filter(translation_key=key).delete()
    unused = String.objects.filter(pk__in=string_ids, segments__isnull=True)
    count = unused.count()
    unused.delete()  # with their translations into every language
    Template.objects.filter(pk__in=template_ids, segments__isnull=True).delete()
    return count


def _delete_files_on_commit(entry, pictures):
    """Once the transaction commits, delete the pictures' files and those the ledger entry
    names, unless a picture that stays still uses one. Returns how many exist now."""
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    doomed = [p.pk for p in pictures]
    originals, renditions = _file_names(pictures)
    wanted = [
        (image_model, set(originals) | set(entry.files)),
        (rendition_model, set(renditions) | set(entry.rendition_files)),
    ]
    found = []
    for model, names in wanted:
        storage = model._meta.get_field("file").storage
        owner = "pk" if model is image_model else "image_id"
        for name in sorted(names):
            kept = model.objects.filter(file=name).exclude(**{f"{owner}__in": doomed})
            if storage.exists(name) and not kept.exists():
                found.append((storage, name))

    def delete_files():
        for storage, name in found:
            storage.delete(name)

    transaction.on_commit(delete_files, robust=True)
    return len(found)


def _make_tombstone(record, entry):
    """Keep ``record`` without any personal data: state, language and dates."""
    when = entry.erased_time or timezone.now()
    record.page = None
    record.email = ""
    record.reviewer_message = ""
    record.consent_process = False
    record.consent_publish = False
    record.consent_translate = False
    record.consent_contact = False
    record.state = TOMBSTONE_STATES[ErasureReason(entry.reason)]
    if record.state == ContributorState.WITHDRAWN and record.withdrawn_at is None:
        record.withdrawn_at = when
    record.closed_at = record.closed_at or when
    record.erased_at = when
    record.save()


def _audit(record, entry, erased, replayed):
    """The audit entry: on the record, with the reason and counts (never a title)."""
    data = {
        "reason": entry.reason,
        "ledger_entry": entry.id,
        "pages": erased.pages,
        "images": erased.images,
        "replayed": replayed,
    }
    log(instance=record, action=ERASE_ACTION, user=None, data=data)


@contextlib.contextmanager
def _overwriting_deletes():
    """SQLite leaves deleted rows readable in the database file's free pages until they are
    reused; with ``secure_delete`` it overwrites them. Turned on for the erasure only."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        previous = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA secure_delete = 1")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA secure_delete = {previous}")
