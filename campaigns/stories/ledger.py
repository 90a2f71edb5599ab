"""The erasure ledger: a note of every story erasure, kept outside the database.

A database restored from a backup taken before an erasure brings the story back.
``manage.py replay_erasures`` reads this ledger and applies every erasure again, so the
ledger must not be in the database a restore replaces: it lives in a storage of its own,
``STORAGES["erasure_ledger"]`` (by default a private folder beside the project, see
site/settings/base.py; in production a separate folder or bucket that is backed up apart
from the database, or not at all, and never served).

One JSON file per erasure, written before the erasure is applied (an erasure whose
transaction then failed is completed by the next replay). An entry holds no personal data:

- ``id`` and ``erased_at``: which erasure, and when;
- ``reason``: withdrawn, declined or expired (``constants.ErasureReason``);
- ``translation_key``: the random UUID every language's page of the story shared (the pages'
  own ids are not kept: after a restore the database may give them to new pages);
- ``record``: the contributor record's id and the time it was created, which together find
  the same record again, and only it;
- ``files`` and ``rendition_files``: the stored names of the story's pictures and of their
  renditions (random names, ``images.clean_upload``), so that files restored from a media
  backup are removed again too.
"""

import json
import uuid
from dataclasses import asdict, dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone
from django.utils.dateparse import parse_datetime

STORAGE_ALIAS = "erasure_ledger"
VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One erasure, as the ledger keeps it (see the module's docstring)."""

    reason: str
    translation_key: str | None
    record_id: int | None
    record_created: str | None
    files: tuple[str, ...] = ()
    rendition_files: tuple[str, ...] = ()
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    erased_at: str = field(default_factory=lambda: timezone.now().isoformat())

    @property
    def erased_time(self):
        return parse_datetime(self.erased_at)

    @property
    def record_created_time(self):
        return parse_datetime(self.record_created) if self.record_created else None

    @property
    def file_name(self):
        """The entry's file name: by time first, so a listing sorts in erasure order."""
        stamp = self.erased_time.strftime("%Y%m%dT%H%M%S%f")
        return f"{stamp}-{self.id}.json"

    def as_json(self):
        data = asdict(self)
        data["files"] = list(self.files)
        data["rendition_files"] = list(self.rendition_files)
        return json.dumps({"version": VERSION, **data}, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text):
        data = json.loads(text)
        if data.get("version") != VERSION:
            raise ValueError("unknown erasure ledger entry version")
        return cls(
            reason=str(data["reason"]),
            translation_key=data.get("translation_key"),
            record_id=data.get("record_id"),
            record_created=data.get("record_created"),
            files=tuple(str(name) for name in data.get("files", ())),
            rendition_files=tuple(str(name) for name in data.get("rendition_files", ())),
            id=str(data["id"]),
            erased_at=str(data["erased_at"]),
        )


def storage():
    """The ledger's storage (``STORAGES["erasure_ledger"]``)."""
    return storages[STORAGE_ALIAS]


def write(entry):
    """Add ``entry`` to the ledger. Raises if it cannot be written: an erasure is only
    applied once it can be applied again after a restore."""
    storage().save(entry.file_name, ContentFile(entry.as_json().encode()))


def entries():
    """Every entry of the ledger, oldest first."""
    ledger = storage()
    try:
        _folders, names = ledger.listdir("")
    except FileNotFoundError:
        return []
    found = []
    for name in sorted(n for n in names if n.endswith(".json")):
        with ledger.open(name) as handle:
            found.append(Entry.from_json(handle.read().decode()))
    return found
