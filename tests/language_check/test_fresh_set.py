"""The fresh set's shape (tests/language_check/fresh/): a second, smaller set written from the
same guides after the rules, to measure how they do on sentences they were not tuned to.

As for the evaluation set, only its shape is tested, never the scores; and no sentence may be
a copy or a near-copy of one in the evaluation set, or it would measure nothing new."""

import difflib
import re
from io import StringIO

import pytest
from django.core.management import call_command

from home.language_check import evaluation

from .test_evaluation_set import check_set_file

FRESH = evaluation.set_files("fresh")
# Two sentences this alike (difflib's ratio, on casefolded text) count as one reworded.
NEAR_COPY = 0.8


def _words(sentence):
    return " ".join(sentence.casefold().split())


@pytest.mark.parametrize("file", FRESH, ids=[file.stem for file in FRESH])
def test_every_fresh_file_is_well_formed(file, settings):
    check_set_file(file, 30, dict(settings.LANGUAGES))


def test_every_locale_has_a_fresh_file(settings):
    assert {file.stem for file in FRESH} == {code for code, _name in settings.LANGUAGES}


def test_every_flag_category_is_in_the_fresh_set():
    used = {row.category for file in FRESH for row in evaluation.read_rows(file)}
    flags = {name for name, (label, _what) in evaluation.CATEGORIES.items() if label == "flag"}
    assert flags <= used


@pytest.mark.parametrize("file", FRESH, ids=[file.stem for file in FRESH])
def test_no_fresh_sentence_copies_the_evaluation_set(file):
    known = [
        _words(row.sentence) for row in evaluation.read_rows(evaluation.DEFAULT_SET / file.name)
    ]
    for row in evaluation.read_rows(file):
        sentence = _words(row.sentence)
        matcher = difflib.SequenceMatcher(None, sentence)
        for other in known:
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() < NEAR_COPY or matcher.quick_ratio() < NEAR_COPY:
                continue
            assert matcher.ratio() < NEAR_COPY, f"{file.name}:{row.line} rewords: {other}"


@pytest.mark.django_db
def test_the_report_scores_the_fresh_set_by_name():
    out = StringIO()
    call_command("language_check_report", "--set", "fresh", "--locale", "en", stdout=out)
    assert re.search(r"^en\s+\d+\s+\d+\s+\d+\s+\d+\s+(\d\.\d\d|–)", out.getvalue(), re.M)
