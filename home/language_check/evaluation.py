"""Scoring the language check against an evaluation set: sentences written from published
media and anti-stigma guides, each labelled "flag" (a guide says to avoid it) or "clean".

The set lives in ``tests/language_check/evaluation/<locale>.tsv``, one sentence a row, written
from the guides and not from Openly's rules, so that the figures say how well the rules
follow the guides. Each sentence is checked the way the editor panel checks a page: as the
one paragraph of an unsaved page in that locale, through ``engine.check_page``.

How a row is scored:
- a "flag" sentence is caught when the check reports any finding on it;
- a "clean" sentence is a false alarm when the check reports a finding on it, except that
  rows marked ``low_ok`` (a guide's own "avoid X" advice, a quoted title) may carry
  low-severity notes: there only a finding above low severity is a false alarm;
- a row marked ``high`` (suicide and self-harm reporting) expects a blocking finding, the
  kind that stops the workflow; the report gives the share of them that get one.

Precision per category: flag categories have no clean rows of their own, so each clean row
may name in ``near`` the flag category whose wording it resembles ("suffers from a
fracture" is near victim_suffering_language); a category's precision counts the false
alarms on its near rows.
"""

import csv
import html
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

from home.language_check.engine import check_page
from home.models import StandardPage

FLAG = "flag"
CLEAN = "clean"
COLUMNS = ("sentence", "label", "category", "near", "high", "low_ok", "source")
# category -> (label, what it holds). Suicide and self-harm categories expect a high finding.
CATEGORIES = {
    "suicide_method_detail": (FLAG, "method, place or means of a suicide described"),
    "self_harm_detail": (FLAG, "how someone harmed themselves, described"),
    "suicide_way_out": (FLAG, "suicide presented as a way out or a solution"),
    "suicide_sensational": (FLAG, "epidemic, spate, hotspot, dramatic framing"),
    "suicide_glorifying": (FLAG, "suicide romanticised or presented as free or heroic"),
    "suicide_criminal_language": (FLAG, "'committed suicide' and other crime wording"),
    "suicide_success_failure": (FLAG, "'successful' or 'failed' suicide attempts"),
    "suicide_single_cause": (FLAG, "one event given as the cause of a suicide"),
    "diagnosis_label": (FLAG, "a person labelled by a diagnosis"),
    "stigmatising_slur": (FLAG, "slurs and insults about mental illness"),
    "outdated_term": (FLAG, "outdated clinical or institutional terms"),
    "trivialising_metaphor": (FLAG, "a diagnosis or suicide used as a figure of speech"),
    "victim_suffering_language": (FLAG, "'suffers from', 'victim of', 'afflicted with'"),
    "violence_association": (FLAG, "mental illness tied to violence or danger"),
    "clean_physical_sense": (CLEAN, "a word in its physical or bodily sense"),
    "clean_literal_sense": (CLEAN, "a word in a literal sense outside mental health"),
    "clean_quoted_title": (CLEAN, "the title of a film, book or song"),
    "clean_guide_advice": (CLEAN, "a guide's own advice naming what to avoid"),
    "clean_safe_reporting": (CLEAN, "suicide reported the way the guides recommend"),
    "clean_person_first": (CLEAN, "person-first wording about a diagnosis"),
    "clean_other": (CLEAN, "other clean prose on mental health"),
}
HIGH_CATEGORIES = frozenset(name for name in CATEGORIES if name.startswith(("suicide_", "self_")))
SETS_FOLDER = Path(settings.BASE_DIR) / "tests" / "language_check"
DEFAULT_SET = SETS_FOLDER / "evaluation"
# The named sets: "evaluation" (the project's own set, which the rules were written beside) and
# "fresh" (a second, smaller set written later from the same guides, to see how the rules do
# on sentences they were not tuned to).
SETS = {"evaluation": DEFAULT_SET, "fresh": SETS_FOLDER / "fresh"}


@dataclass(frozen=True)
class Row:
    """One sentence of the set, with what the guides expect of it."""

    locale: str
    line: int
    sentence: str
    label: str
    category: str
    near: str
    high: bool
    low_ok: bool
    source: str


@dataclass
class Outcome:
    """What the check made of one row."""

    row: Row
    findings: list = field(default_factory=list)

    @property
    def alarmed(self):
        """Whether the check warned about the sentence (see the module's scoring notes)."""
        if self.row.low_ok:
            return any(finding.severity != "low" for finding in self.findings)
        return bool(self.findings)

    @property
    def blocked(self):
        return any(finding.blocking for finding in self.findings)

    @property
    def correct(self):
        return self.alarmed == (self.row.label == FLAG)


def set_files(path=DEFAULT_SET, locale=None):
    """The set's files: every ``<locale>.tsv`` under a folder, or the one file given; ``path``
    may also name one of ``SETS``."""
    path = SETS.get(str(path), Path(path))
    files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
    return [file for file in files if locale is None or file.stem == locale]


def set_rows(path=DEFAULT_SET, locale=None):
    """Every row of a set's files (see ``set_files``)."""
    return [row for file in set_files(path, locale) for row in read_rows(file)]


def read_rows(file):
    """The rows of one file (its name is its locale). Raises ValueError on a malformed row."""
    rows = []
    with open(file, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{file}: the columns must be {', '.join(COLUMNS)}")
        for number, data in enumerate(reader, start=2):
            if None in data or any(value is None for value in data.values()):
                raise ValueError(f"{file}:{number}: expected {len(COLUMNS)} columns")
            rows.append(
                Row(
                    locale=Path(file).stem,
                    line=number,
                    sentence=data["sentence"].strip(),
                    label=data["label"],
                    category=data["category"],
                    near=data["near"],
                    high=data["high"] == "yes",
                    low_ok=data["low_ok"] == "yes",
                    source=data["source"].strip(),
                )
            )
    return rows


def findings_for(sentence, language):
    """The findings the editor panel would show for a page whose body is this sentence."""
    page = StandardPage(
        title="",
        locale=Locale(language_code=language),
        body=[("paragraph", f"<p>{html.escape(sentence, quote=False)}</p>")],
    )
    return check_page(page, accepted=frozenset(), language=language)


def evaluate(rows):
    """An Outcome for every row."""
    return [Outcome(row, findings_for(row.sentence, row.locale)) for row in rows]


@dataclass
class Scores:
    """Counts and figures over a group of outcomes."""

    flagged: int = 0
    clean: int = 0
    caught: int = 0
    false_alarms: int = 0
    high: int = 0
    high_caught: int = 0
    clean_blocked: int = 0

    @property
    def precision(self):
        alarms = self.caught + self.false_alarms
        return self.caught / alarms if alarms else None

    @property
    def recall(self):
        return self.caught / self.flagged if self.flagged else None

    @property
    def f1(self):
        p, r = self.precision, self.recall
        if r is None:
            return None
        if p is None:
            return 0.0  # nothing was flagged at all
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def high_rate(self):
        return self.high_caught / self.high if self.high else None


def score(outcomes):
    """Scores over ``outcomes``."""
    scores = Scores()
    for outcome in outcomes:
        row = outcome.row
        if row.label == FLAG:
            scores.flagged += 1
            scores.caught += outcome.alarmed
            if row.high:
                scores.high += 1
                scores.high_caught += outcome.blocked
        else:
            scores.clean += 1
            scores.false_alarms += outcome.alarmed
            scores.clean_blocked += outcome.blocked
    return scores


def by_locale(outcomes):
    """{locale: Scores}, in the order of the files."""
    groups = {}
    for outcome in outcomes:
        groups.setdefault(outcome.row.locale, []).append(outcome)
    return {locale: score(group) for locale, group in groups.items()}


def by_category(outcomes):
    """{category: Scores}: a flag category with its near clean rows, a clean category alone."""
    groups = {name: [] for name in CATEGORIES}
    for outcome in outcomes:
        groups[outcome.row.category].append(outcome)
        if outcome.row.near:
            groups[outcome.row.near].append(outcome)
    return {name: score(group) for name, group in groups.items() if group}
