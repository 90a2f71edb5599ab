"""The starting rule set, read from ``rules.json`` beside this module.

The rules paraphrase published media and anti-stigma language guides, cited by name in the
file's ``sources``. Seeding only adds rules that are missing (matched by language and
wording), so it is safe to run again in production and never overwrites a rule an
administrator has edited. The data migration that first seeded the rules reads them through
``load_rules`` too, so it keeps working as the file changes.
"""

import json
from functools import cache
from pathlib import Path

from home.language_check.models import LanguageRule

RULES_FILE = Path(__file__).with_name("rules.json")


@cache
def load_rules():
    """The starting rules as dicts of LanguageRule field values (alternatives one per line)."""
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    sources = data["sources"]
    return tuple(
        {
            "language": entry["language"],
            "phrase": entry["phrase"],
            "match_type": entry.get("match_type", "phrase"),
            "category": entry["category"],
            "severity": entry["severity"],
            "explanation": entry["explanation"],
            "alternatives": "\n".join(entry["alternatives"]),
            "source": sources[entry["source"]],
        }
        for entry in data["rules"]
    )


def seed_into(model):
    """Add every missing starting rule to ``model`` (the LanguageRule model, or its
    historical version in a migration); return how many were created."""
    created_count = 0
    for data in load_rules():
        _rule, created = model.objects.get_or_create(
            language=data["language"],
            phrase=data["phrase"],
            defaults={k: v for k, v in data.items() if k not in ("language", "phrase")},
        )
        created_count += created
    return created_count


def seed_rules():
    """Add any missing starting rule; return how many were created."""
    return seed_into(LanguageRule)


# The starting rules, as read from the data file.
RULES = load_rules()


def seed_report():
    """Seed the missing starting rules and say how many (a step of ``manage.py
    setup_roles``, registered in home.registry.setup_steps)."""
    return f"{seed_rules()} language rules added"
