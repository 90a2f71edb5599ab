"""Compiled rules are kept by what the rules say: a change in one language recompiles only
that language, and rules that are back as they were use the copy compiled before."""

import pytest

from home.language_check import engine
from home.language_check.models import LanguageRule

pytestmark = pytest.mark.django_db


def test_a_rule_change_recompiles_only_its_own_language():
    english, german = engine.compile_rules("en"), engine.compile_rules("de")
    rule = LanguageRule.objects.filter(language="de", active=True).first()
    rule.active = False
    rule.save()  # bumps the version every process checks

    assert engine.compile_rules("en") is english
    changed = engine.compile_rules("de")
    assert changed is not german
    assert changed.count == german.count - 1

    rule.active = True
    rule.save()
    assert engine.compile_rules("de") is german


def test_an_edited_wording_is_found_at_once():
    rule = LanguageRule.objects.filter(language="en", active=True, match_type="phrase").first()
    engine.compile_rules("en")
    rule.phrase = "zebra crossing"
    rule.save()
    found = [finding.matched for finding in engine.check_text("A zebra crossing.", "en")]
    assert found == ["zebra crossing"]
