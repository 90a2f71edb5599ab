"""manage.py language_rules_freeze_versions: write ``shipped_rule_versions.json``, the
fingerprints of every version of every rule ever shipped, read from the git history of the
rule files (the first set's ``rules.py`` and ``rules.json``, then ``rules/<locale>.json``).

For developers only (it needs git and the repository's history): the migration that added
``LanguageRule.shipped_fingerprint`` reads the file to recognise rules seeded before it as
unedited, so no git is needed when migrating. A rule seeded before ``unless`` existed got
its ``unless`` later from whatever file was current, so every wording's versions are
combined with every ``unless`` the wording ever had (and none)."""

import json
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand

from home.language_check.rule_sync import FIELDS, values_fingerprint
from home.language_check.rules import entry_values

PACKAGE = Path(__file__).resolve().parents[2]
REPO = PACKAGE.parent.parent
OUTPUT = PACKAGE / "shipped_rule_versions.json"
FILES = (
    "home/language_check/rules.py",
    "home/language_check/rules.json",
    "home/language_check/rules",
)


def _git(*args):
    return subprocess.run(  # noqa: S603 - fixed git arguments, run by a developer
        ["git", "-C", str(REPO), *args],  # noqa: S607 - the developer's git
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _entry(language, entry, sources):
    # An old file may name its source by text rather than by key.
    return entry_values(language, entry, sources.get(entry["source"], entry["source"]))


def _rules_py(text):
    """The RULES of the first rule set, written in Python (its data part only)."""
    namespace = {}
    exec(text.split("\ndef seed_rules")[0], namespace)  # noqa: S102 - the repository's own file
    return [{**rule, "unless": rule.get("unless", "")} for rule in namespace["RULES"]]


def versions_in(commit, path):
    """The rules of one file as it was at ``commit``."""
    try:
        text = _git("show", f"{commit}:{path}")
    except subprocess.CalledProcessError:
        return []  # deleted in this commit
    if path.endswith(".py"):
        return _rules_py(text) if "\nRULES = [" in text else []
    data = json.loads(text)
    sources = data.get("sources", {})
    language = Path(path).stem
    return [_entry(entry.get("language", language), entry, sources) for entry in data["rules"]]


def all_versions():
    seen = set()
    rules = []
    for commit in _git("log", "--all", "--format=%H", "--", *FILES).split():
        changed = _git("show", "--name-only", "--format=", commit, "--", *FILES).split()
        for path in changed:
            for rule in versions_in(commit, path):
                key = tuple(rule[name] for name in FIELDS)
                if key not in seen:
                    seen.add(key)
                    rules.append(rule)
    return rules


def fingerprints(rules):
    by_wording = {}
    for rule in rules:
        by_wording.setdefault((rule["language"], rule["phrase"]), []).append(rule)
    result = set()
    for versions in by_wording.values():
        unless_values = {""} | {rule["unless"] for rule in versions}
        for rule in versions:
            for unless in unless_values:
                result.add(values_fingerprint({**rule, "unless": unless}))
    return sorted(result)


class Command(BaseCommand):
    help = "Write the fingerprints of every language rule version ever shipped (needs git)."

    def handle(self, *args, **options):
        rules = all_versions()
        hashes = fingerprints(rules)
        OUTPUT.write_text(
            json.dumps(
                {
                    "_comment": "Fingerprints (rule_sync.values_fingerprint) of every language "
                    "rule version ever shipped, written by manage.py "
                    "language_rules_freeze_versions; read only by migration "
                    "0007_rule_shipped_fingerprint.",
                    "fingerprints": hashes,
                },
                indent=0,
            )
            + "\n",
            encoding="utf-8",
        )
        self.stdout.write(f"{len(rules)} rule versions, {len(hashes)} fingerprints written")
