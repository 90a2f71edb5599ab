"""Bring the database's language rules up to the shipped ones (``rules.load_rules``) without
overwriting what an administrator edited.

Each rule row keeps ``shipped_fingerprint``: the fingerprint of the shipped values (and the
on/off state) it was seeded or last synced with. A row whose current fingerprint equals it
is as shipped, "unedited"; any edit in the admin breaks the match. Sync then:

- adds a shipped rule that is missing (by language and wording);
- updates an unedited row whose shipped values changed (and switches it back on);
- switches off (never deletes: findings and acceptances refer to rules) an unedited row
  whose wording is no longer shipped;
- leaves edited rows alone, and the rules administrators added themselves (no fingerprint).

``fingerprint`` must stay as it is: the migration that introduced the field froze the
fingerprints of every rule version ever shipped (``shipped_rule_versions.json``).
"""

import hashlib
import json
from dataclasses import dataclass, field

# The shipped values of a rule, in the order they are fingerprinted.
FIELDS = (
    "language",
    "phrase",
    "match_type",
    "category",
    "severity",
    "explanation",
    "alternatives",
    "unless",
    "source",
)


def fingerprint(values, active=True):
    """A stable hash of a rule's shipped values (a dict or a row) and its on/off state."""
    if not isinstance(values, dict):
        values = {name: getattr(values, name) for name in FIELDS}
    # Saving a rule unchanged in the admin strips its values and sends Windows line ends:
    # that is not an edit.
    text = json.dumps(
        [_plain(values.get(name, "")) for name in FIELDS]
        + [None if active is None else bool(active)]
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value):
    return value.replace("\r\n", "\n").strip()


def values_fingerprint(values):
    """The fingerprint of a rule's values alone (what ``shipped_rule_versions.json`` holds)."""
    return fingerprint(values, active=None)


@dataclass
class SyncResult:
    added: int = 0
    updated: int = 0
    switched_off: int = 0
    kept_edited: int = 0
    languages: set = field(default_factory=set)  # languages whose rules changed
    added_rows: list = field(default_factory=list, repr=False)  # the rows added

    @property
    def changed(self):
        return bool(self.added or self.updated or self.switched_off)

    def __str__(self):
        return (
            f"language rules: {self.added} added, {self.updated} updated to the shipped "
            f"version, {self.switched_off} switched off (no longer shipped), "
            f"{self.kept_edited} kept as edited by an administrator"
        )


def _is_unedited(row):
    return bool(row.shipped_fingerprint) and fingerprint(row, row.active) == (
        row.shipped_fingerprint
    )


def sync_into(model, shipped):
    """Sync ``model`` (LanguageRule or its historical version in a migration, which must have
    ``shipped_fingerprint``) with ``shipped`` (dicts of field values, as ``load_rules``
    returns); return a SyncResult. Saves through ``bulk_create`` and queryset updates: no
    signals are sent (a fresh database would otherwise queue a refresh of the stored results
    for each of its hundreds of rules), so the caller invalidates compiled rules and stored
    results."""
    result = SyncResult()
    new_rows = []
    wanted = {(data["language"], data["phrase"]): data for data in shipped}
    rows = list(model.objects.all())
    existing = {(row.language, row.phrase): row for row in rows}
    # Fingerprints held by edited rows: a shipped rule whose wording an administrator changed
    # is not added again beside the edited row.
    edited_origins = {row.shipped_fingerprint for row in rows if not _is_unedited(row)}
    for key, data in wanted.items():
        target = fingerprint(data)
        row = existing.get(key)
        if row is None:
            if target in edited_origins:
                continue  # counted below, with the edited row
            new_rows.append(
                model(
                    **{name: data[name] for name in FIELDS}, active=True, shipped_fingerprint=target
                )
            )
            result.added += 1
            result.languages.add(key[0])
            continue
        current = fingerprint(row, row.active)
        if current == target:
            if row.shipped_fingerprint != target:  # as shipped now: adopt it
                model.objects.filter(pk=row.pk).update(shipped_fingerprint=target)
            continue
        if not _is_unedited(row):
            result.kept_edited += 1
            continue
        changes = {name: data[name] for name in FIELDS}
        model.objects.filter(pk=row.pk).update(**changes, active=True, shipped_fingerprint=target)
        result.updated += 1
        result.languages.add(key[0])
    for key, row in existing.items():
        if key in wanted or not row.shipped_fingerprint:
            continue  # shipped (handled above), or an administrator's own rule
        if not _is_unedited(row):
            result.kept_edited += 1
        elif row.active:
            model.objects.filter(pk=row.pk).update(
                active=False, shipped_fingerprint=fingerprint(row, False)
            )
            result.switched_off += 1
            result.languages.add(key[0])
    result.added_rows = model.objects.bulk_create(new_rows, batch_size=200)
    return result


def backfill_into(model, shipped, known_versions):
    """Give rows seeded before ``shipped_fingerprint`` existed their fingerprint when their
    values are a version that was shipped (``known_versions``: ``values_fingerprint``s of
    every version ever shipped) or the current one (``shipped``). A switched-off row counts
    only when its wording is no longer shipped (then the seeding switched it off, not an
    administrator). Return how many rows were recognised."""
    current = {values_fingerprint(data) for data in shipped}
    wanted = {(data["language"], data["phrase"]) for data in shipped}
    recognised = 0
    for row in model.objects.filter(shipped_fingerprint=""):
        values = values_fingerprint(row)
        if values not in known_versions and values not in current:
            continue
        if not row.active and (row.language, row.phrase) in wanted:
            continue
        model.objects.filter(pk=row.pk).update(shipped_fingerprint=fingerprint(row, row.active))
        recognised += 1
    return recognised
