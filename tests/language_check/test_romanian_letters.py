"""Romanian typed with the cedilla letters ş ţ (older keyboards and fonts) is read like
Romanian typed with the comma-below letters ș ț: every inflection of a rule's word is found
either way."""

import pytest

from home.language_check import lemmas
from home.language_check.engine import check_text


@pytest.mark.parametrize(
    ("cedilla", "comma"),
    [("sinucigaşii", "sinucigașii"), ("Sinucigaşul", "Sinucigașul"), ("spânzuraţi", "spânzurați")],
)
def test_cedilla_and_comma_below_forms_share_their_lemma(cedilla, comma):
    assert lemmas.keys(comma, "ro") <= lemmas.keys(cedilla, "ro")


def test_other_languages_are_left_alone():
    assert lemmas.keys("şi", "tr") == frozenset({"si"})


@pytest.mark.django_db
def test_a_rule_finds_a_word_typed_with_a_cedilla():
    matched = [finding.matched for finding in check_text("Familia sinucigaşului a plecat.", "ro")]
    assert "sinucigaşului" in matched
