"""The evaluation set's shape (tests/language_check/evaluation/) and its report command.

The set is written from published guides, not from Openly's rules, so these tests check
only that it is well formed and that the report scores it: never the scores themselves
(the rules are rewritten against it, and a target here would invite tuning to it)."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from home.language_check import evaluation
from home.language_check.engine import invalidate_rules
from home.language_check.models import LanguageRule

FILES = evaluation.set_files()
COLUMNS = "\t".join(evaluation.COLUMNS)


def _normalised(sentence):
    return " ".join(sentence.casefold().split())


def check_set_file(file, minimum, languages):
    """A set file's shape: its locale, at least ``minimum`` flag and clean rows, every row
    well formed and no sentence twice. Returns its rows. (The fresh set's test uses it too.)"""
    assert file.stem in languages
    rows = evaluation.read_rows(file)
    labels = [row.label for row in rows]
    assert labels.count(evaluation.FLAG) >= minimum
    assert labels.count(evaluation.CLEAN) >= minimum
    seen = {}
    for row in rows:
        where = f"{file.name}:{row.line}"
        assert row.sentence, where
        assert row.source, where
        assert row.category in evaluation.CATEGORIES, where
        assert evaluation.CATEGORIES[row.category][0] == row.label, where
        # A clean row names at most one flag category it resembles.
        assert not row.near or evaluation.CATEGORIES[row.near][0] == evaluation.FLAG, where
        assert row.near == "" or row.label == evaluation.CLEAN, where
        # High severity is expected of exactly the suicide and self-harm reporting rows.
        expected_high = row.label == evaluation.FLAG and row.category in evaluation.HIGH_CATEGORIES
        assert row.high == expected_high, where
        assert not row.low_ok or row.label == evaluation.CLEAN, where
        key = _normalised(row.sentence)
        assert key not in seen, f"{where} repeats line {seen.get(key)}"
        seen[key] = row.line
    return rows


@pytest.mark.parametrize("file", FILES, ids=[file.stem for file in FILES])
def test_every_locale_file_is_well_formed(file, settings):
    check_set_file(file, 100, dict(settings.LANGUAGES))


def test_every_locale_has_a_file(settings):
    assert {file.stem for file in FILES} == {code for code, _name in settings.LANGUAGES}


def test_every_category_is_used(settings):
    used = {row.category for file in FILES for row in evaluation.read_rows(file)}
    assert used == set(evaluation.CATEGORIES)


def _write_set(path, rows):
    lines = [COLUMNS] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_the_report_scores_what_the_check_finds(tmp_path):
    """A made-up word flagged by a rule of its own: the figures follow from it alone."""
    LanguageRule.objects.create(
        language="en",
        phrase="zorblax",
        category=LanguageRule.STIGMATISING,
        severity=LanguageRule.HIGH,
        explanation="A test word.",
    )
    LanguageRule.objects.create(
        language="en",
        phrase="quibbit",
        category=LanguageRule.STIGMATISING,
        severity=LanguageRule.LOW,
        explanation="A test word.",
    )
    invalidate_rules()
    source = "test"
    path = _write_set(
        tmp_path / "en.tsv",
        [
            ("He said zorblax twice.", "flag", "suicide_way_out", "", "yes", "no", source),
            ("Nothing to see.", "flag", "stigmatising_slur", "", "no", "no", source),
            (
                "A zorblax here.",
                "clean",
                "clean_literal_sense",
                "suicide_way_out",
                "no",
                "no",
                source,
            ),
            ('Avoid "quibbit".', "clean", "clean_guide_advice", "", "no", "yes", source),
            ("All fine.", "clean", "clean_other", "", "no", "no", source),
        ],
    )
    out = StringIO()
    call_command("language_check_report", "--set", str(path), "--verbose", stdout=out)
    report = out.getvalue()
    # 1 caught of 2, 1 false alarm (the low note on a low_ok row is allowed): P = R = F1 = 0.5.
    assert re.search(
        r"^en\s+2\s+3\s+1\s+1\s+0\.50\s+0\.50\s+0\.50\s+1/1\s+1\.00\s+1$", report, re.M
    )
    assert re.search(r"^suicide_way_out\s+1\s+1\s+1\s+1\s+0\.50\s+1\.00\s+0\.67", report, re.M)
    assert re.search(r"^clean_literal_sense\s+1\s+1\s+1\.00\s+1$", report, re.M)
    assert "MISS stigmatising_slur: Nothing to see." in report
    assert "FALSE ALARM clean_literal_sense: A zorblax here." in report
    assert "'zorblax' (high)" in report
    assert "quibbit" not in report.split("Misses and false alarms")[1]


@pytest.mark.django_db
def test_the_report_runs_over_the_whole_set():
    out = StringIO()
    call_command("language_check_report", stdout=out)
    report = out.getvalue()
    for file in FILES:
        # Every locale gets a line of figures (whatever the current rules score).
        assert re.search(rf"^{file.stem}\s+\d+\s+\d+\s+\d+\s+\d+\s+(\d\.\d\d|–)", report, re.M)
    assert re.search(r"^all\s+\d+", report, re.M)


def test_a_malformed_set_is_refused(tmp_path):
    path = tmp_path / "en.tsv"
    path.write_text("sentence\tlabel\nHello\tclean\n", encoding="utf-8")
    with pytest.raises(CommandError, match="columns"):
        call_command("language_check_report", "--set", str(path))
