"""The starting rule set, read from ``rules/<locale>.json`` beside this module (one file per
locale, see ``catalogue``).

The rules paraphrase published media and anti-stigma language guides, cited by name in each
file's ``sources``. ``sync_rules`` brings the database up to these files (``rule_sync``):
it adds missing rules, updates and switches off the rules nobody edited and never
overwrites a rule an administrator has edited, so it is safe to run again in production
(``manage.py setup_roles`` and every ``migrate`` run it). The data migrations that seed the
rules read them through ``load_rules`` too, so they keep working as the files change.
"""

import json
from functools import cache
from pathlib import Path

from modelsearch.backends import get_search_backends

from home.language_check import catalogue
from home.language_check.engine import invalidate_rules
from home.language_check.models import LanguageRule, PageLanguageCheck
from home.language_check.rule_sync import fingerprint, sync_into

# The wordings of the first, English/French/German/Ukrainian-only rule set that the
# per-locale files replace: the migration that seeds the new rules switches these off
# (unless an administrator has since edited them).
RETIRED_FILE = Path(__file__).with_name("retired_rules.json")


def entry_values(language, entry, source):
    """One rule of a rules file as LanguageRule field values (alternatives one per line),
    with ``source`` the text its source key names."""
    return {
        "language": language,
        "phrase": entry["phrase"],
        "match_type": entry.get("match_type", "phrase"),
        "category": entry["category"],
        "severity": entry["severity"],
        "explanation": entry["explanation"],
        "alternatives": "\n".join(entry["alternatives"]),
        "unless": entry.get("unless", ""),
        "source": source,
    }


@cache
def load_rules():
    """The starting rules as dicts of LanguageRule field values (alternatives one per line)."""
    rules = []
    for language in catalogue.languages():
        data = catalogue.locale_data(language)
        for entry in (*data["rules"], *data.get("sentence_model", ())):
            rules.append(entry_values(language, entry, data["sources"][entry["source"]]))
    return tuple(rules)


def seed_into(model):
    """Add every missing starting rule to ``model`` (the LanguageRule model, or its
    historical version in a migration, whose fields may be fewer); return how many were
    created."""
    fields = {field.name for field in model._meta.get_fields()}
    created_count = 0
    for data in load_rules():
        defaults = {
            key: value
            for key, value in data.items()
            if key not in ("language", "phrase") and key in fields
        }
        if "shipped_fingerprint" in fields:
            defaults["shipped_fingerprint"] = fingerprint(data)
        _rule, created = model.objects.get_or_create(
            language=data["language"], phrase=data["phrase"], defaults=defaults
        )
        created_count += created
    return created_count


def seed_rules():
    """Bring the database up to the shipped rules (``sync_rules``); return how many rules
    were added."""
    return sync_rules().added


def sync_rules(rule_model=LanguageRule, check_model=PageLanguageCheck):
    """Add the missing shipped rules, update and switch off the unedited ones (see
    ``rule_sync``), make every process recompile and mark the stored results of the
    languages whose rules changed out of date; return the SyncResult. A migration passes
    its historical models."""
    result = sync_into(rule_model, load_rules())
    if result.changed:
        invalidate_rules()
        check_model.objects.filter(page__locale__language_code__in=result.languages).update(
            stale=True
        )
    if rule_model is LanguageRule:
        # What saving the rules one by one would have done, once for the whole sync: the
        # administrators' search finds the added rules, stored results are brought up to date.
        from home.language_check.stored import queue, refresh_outdated_task

        if result.added_rows:
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(LanguageRule, result.added_rows)
        if result.changed:
            queue(refresh_outdated_task)
    return result


def sync_after_migrate(sender, apps=None, plan=None, **kwargs):
    """post_migrate receiver: every ``migrate`` syncs the rules. Not after ``flush`` (which
    sends the signal without the migration state or a plan, e.g. after every transactional
    test), nor when the database is migrated to a state before the fingerprint."""
    if apps is None or plan is None:
        return
    try:
        model = apps.get_model("language_check", "LanguageRule")
    except LookupError:
        return
    if "shipped_fingerprint" in {field.name for field in model._meta.get_fields()}:
        sync_rules()


# The starting rules, as read from the data files.
RULES = load_rules()


def seed_report():
    """Sync the rules and say what changed (a step of ``manage.py setup_roles``, registered
    in home.registry.setup_steps)."""
    return str(sync_rules())


def retire_and_complete(model):
    """Switch off the first rule set's rules that nobody edited, and give rules seeded
    before a field existed (``unless``) that field's starting value; return how many rules
    were switched off."""
    retired = json.loads(RETIRED_FILE.read_text(encoding="utf-8"))["rules"]
    current = {(rule["language"], rule["phrase"]) for rule in load_rules()}
    switched_off = 0
    for old in retired:
        if (old["language"], old["phrase"]) in current:
            continue
        switched_off += model.objects.filter(
            language=old["language"], phrase=old["phrase"], explanation=old["explanation"]
        ).update(active=False)
    for data in load_rules():
        if data["unless"]:
            model.objects.filter(
                language=data["language"], phrase=data["phrase"], unless=""
            ).update(unless=data["unless"])
    return switched_off
