"""The starting rule set, read from ``rules/<locale>.json`` beside this module (one file per
locale, see ``catalogue``).

The rules paraphrase published media and anti-stigma language guides, cited by name in each
file's ``sources``. Seeding only adds rules that are missing (matched by language and
wording), so it is safe to run again in production and never overwrites a rule an
administrator has edited. The data migrations that seed the rules read them through
``load_rules`` too, so they keep working as the files change.
"""

import json
from functools import cache
from pathlib import Path

from home.language_check import catalogue
from home.language_check.models import LanguageRule

# The wordings of the first, English/French/German/Ukrainian-only rule set that the
# per-locale files replace: the migration that seeds the new rules switches these off
# (unless an administrator has since edited them).
RETIRED_FILE = Path(__file__).with_name("retired_rules.json")


@cache
def load_rules():
    """The starting rules as dicts of LanguageRule field values (alternatives one per line)."""
    rules = []
    for language in catalogue.languages():
        data = catalogue.locale_data(language)
        for entry in data["rules"]:
            rules.append(
                {
                    "language": language,
                    "phrase": entry["phrase"],
                    "match_type": entry.get("match_type", "phrase"),
                    "category": entry["category"],
                    "severity": entry["severity"],
                    "explanation": entry["explanation"],
                    "alternatives": "\n".join(entry["alternatives"]),
                    "unless": entry.get("unless", ""),
                    "source": data["sources"][entry["source"]],
                }
            )
    return tuple(rules)


def seed_into(model):
    """Add every missing starting rule to ``model`` (the LanguageRule model, or its
    historical version in a migration, whose fields may be fewer); return how many were
    created."""
    fields = {field.name for field in model._meta.get_fields()}
    created_count = 0
    for data in load_rules():
        _rule, created = model.objects.get_or_create(
            language=data["language"],
            phrase=data["phrase"],
            defaults={
                key: value
                for key, value in data.items()
                if key not in ("language", "phrase") and key in fields
            },
        )
        created_count += created
    return created_count


def seed_rules():
    """Add any missing starting rule; return how many were created."""
    return seed_into(LanguageRule)


# The starting rules, as read from the data files.
RULES = load_rules()


def seed_report():
    """Seed the missing starting rules and say how many (a step of ``manage.py
    setup_roles``, registered in home.registry.setup_steps)."""
    return f"{seed_rules()} language rules added"


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
