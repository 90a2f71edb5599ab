"""The language data shipped with the check, one file per locale in ``rules/<locale>.json``
(no database access): the guides cited (``sources``), the synonym groups rules may name
(``groups``: ``@suicide`` stands for every wording of the group ``suicide``), the wordings
of a guide's own advice (``advice``: a sentence with one of them, "avoid the phrase …",
is advice, so its findings are noted at low severity), and the starting rules.

The starting rules are seeded into the database (``rules.seed_rules``), where
administrators edit them; the groups and the advice wordings are read from here."""

import json
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).with_name("rules")


@cache
def locale_data(language):
    """The data file of one locale as a dict (empty parts when there is none)."""
    path = RULES_DIR / f"{language}.json"
    if not path.exists():
        return {"sources": {}, "groups": {}, "advice": [], "rules": []}
    data = json.loads(path.read_text(encoding="utf-8"))
    data.setdefault("groups", {})
    data.setdefault("advice", [])
    return data


def languages():
    """The locales with a data file."""
    return sorted(path.stem for path in RULES_DIR.glob("*.json"))


def groups(language):
    """{group name: [wordings]} of one locale."""
    return locale_data(language)["groups"]


def advice(language):
    """The wordings that mark a sentence as a guide's advice in one locale."""
    return locale_data(language)["advice"]


def titles(language):
    """Words that introduce the title of a work (film, novel), for scripts without capitals."""
    return locale_data(language).get("titles", [])
