"""Syncing the database's language rules with the shipped rule files: unedited rules follow
the files (updated, added, switched off when no longer shipped), rules an administrator
edited are kept as they are, and the migration that introduced the fingerprint recognises
rules seeded from an earlier version of the files."""

import importlib

import pytest
from django.apps import apps
from django.core.management.sql import emit_post_migrate_signal
from modelsearch.backends import get_search_backend

from home.language_check import rules
from home.language_check.engine import rules_version
from home.language_check.models import LanguageRule
from home.language_check.rule_sync import fingerprint

MIGRATION = importlib.import_module("home.language_check.migrations.0007_rule_shipped_fingerprint")


def shipped(phrase, **changes):
    values = {
        "language": "en",
        "phrase": phrase,
        "match_type": "phrase",
        "category": "stigmatising",
        "severity": "medium",
        "explanation": f"Why '{phrase}' hurts.",
        "alternatives": "a kinder word\nanother one",
        "unless": "",
        "source": "A guide",
    }
    return {**values, **changes}


@pytest.fixture
def ship(db, monkeypatch):
    """Start from an empty rule table; ``ship(*rules)`` makes those the shipped rules."""
    LanguageRule.objects.all().delete()

    def ship_(*data):
        monkeypatch.setattr(rules, "load_rules", lambda: tuple(data))

    return ship_


def seeded(data):
    """A rule as an earlier sync left it."""
    return LanguageRule.objects.create(**data, shipped_fingerprint=fingerprint(data))


def values(rule):
    rule.refresh_from_db()
    return {name: getattr(rule, name) for name in shipped("x")} | {"active": rule.active}


def counts(result):
    return (result.added, result.updated, result.switched_off, result.kept_edited)


def test_an_unedited_old_version_is_updated(ship):
    rule = seeded(shipped("nutter", severity="low", unless=""))
    ship(shipped("nutter", severity="high", unless="squirrel", explanation="Newer reason."))
    assert counts(rules.sync_rules()) == (0, 1, 0, 0)
    assert values(rule) == shipped(
        "nutter", severity="high", unless="squirrel", explanation="Newer reason."
    ) | {"active": True}


def test_a_rule_edited_by_an_administrator_is_kept(ship):
    rule = seeded(shipped("nutter"))
    rule.explanation = "Our own wording of why."
    rule.save()
    ship(shipped("nutter", severity="high"))
    assert counts(rules.sync_rules()) == (0, 0, 0, 1)
    assert values(rule) == shipped("nutter", explanation="Our own wording of why.") | {
        "active": True
    }


def test_a_rule_switched_off_by_an_administrator_stays_off(ship):
    rule = seeded(shipped("nutter"))
    rule.active = False
    rule.save()
    ship(shipped("nutter", severity="high"))
    assert counts(rules.sync_rules()) == (0, 0, 0, 1)
    assert values(rule) == shipped("nutter") | {"active": False}


def test_a_dropped_wording_is_switched_off_unless_edited(ship):
    dropped = seeded(shipped("psycho"))
    edited = seeded(shipped("loony"))
    edited.alternatives = "our alternative"
    edited.save()
    ship(shipped("nutter"))
    assert counts(rules.sync_rules()) == (1, 0, 1, 1)
    assert values(dropped) == shipped("psycho") | {"active": False}  # still there, off
    assert values(edited)["active"] is True
    assert values(edited)["alternatives"] == "our alternative"


def test_a_new_wording_is_added_with_its_fingerprint(ship):
    ship(shipped("nutter"), shipped("nutcase", language="fr"))
    assert counts(rules.sync_rules()) == (2, 0, 0, 0)
    rule = LanguageRule.objects.get(language="fr", phrase="nutcase")
    assert rule.active and rule.shipped_fingerprint == fingerprint(
        shipped("nutcase", language="fr")
    )


def test_a_wording_an_administrator_rewrote_is_not_added_again(ship):
    rule = seeded(shipped("nutter"))
    rule.phrase = "nutter*"
    rule.save()
    ship(shipped("nutter"))
    assert counts(rules.sync_rules()) == (0, 0, 0, 1)
    assert list(LanguageRule.objects.values_list("phrase", flat=True)) == ["nutter*"]


def test_an_administrators_own_rule_is_left_alone(ship):
    own = LanguageRule.objects.create(**shipped("bonkers"))  # no fingerprint
    ship(shipped("nutter"))
    assert counts(rules.sync_rules()) == (1, 0, 0, 0)
    assert values(own) == shipped("bonkers") | {"active": True}


def test_running_twice_changes_nothing(ship):
    seeded(shipped("psycho"))
    seeded(shipped("nutter", severity="low"))
    ship(shipped("nutter"), shipped("nutcase"))
    assert counts(rules.sync_rules()) == (1, 1, 1, 0)
    before = list(LanguageRule.objects.order_by("pk").values())
    version = rules_version()
    assert counts(rules.sync_rules()) == (0, 0, 0, 0)
    assert list(LanguageRule.objects.order_by("pk").values()) == before
    assert rules_version() == version


def test_a_sync_that_changes_rules_makes_the_engine_recompile(ship):
    seeded(shipped("nutter", severity="low"))
    ship(shipped("nutter"))
    version = rules_version()
    rules.sync_rules()
    assert rules_version() != version


# The first rule set's "successful suicide", as it was shipped (in rules.py, before `unless`).
FIRST_SET = {
    "language": "en",
    "phrase": "successful suicide",
    "match_type": "phrase",
    "category": "suicide_reporting",
    "severity": "high",
    "explanation": "Presents suicide as an achievement.",
    "alternatives": "died by suicide\ntook their own life",
    "unless": "",
    "source": "Samaritans, Media guidelines for reporting suicide (2020)",
}


def test_the_backfill_recognises_a_rule_of_an_old_shipped_version(ship):
    old = LanguageRule.objects.create(**FIRST_SET)  # seeded before the fingerprint
    edited = LanguageRule.objects.create(**FIRST_SET | {"phrase": "successful suicide attempt"})
    current = LanguageRule.objects.create(**shipped("nutter"))  # the current shipped version
    ship(shipped("nutter"), shipped("successful suicide attempt"))
    MIGRATION.backfill_and_sync(apps, None)
    assert values(old) == FIRST_SET | {"active": False}  # recognised: no longer shipped, off
    old.refresh_from_db()
    assert old.shipped_fingerprint == fingerprint(FIRST_SET, False)
    assert values(edited)["explanation"] == FIRST_SET["explanation"]  # never shipped so: kept
    assert values(edited)["active"] is True
    current.refresh_from_db()
    assert current.shipped_fingerprint == fingerprint(shipped("nutter"))


def test_a_flush_does_not_sync(ship):
    ship(shipped("nutter"))
    rules.sync_after_migrate(sender=None, apps=apps)  # as flush sends it: no plan
    assert not LanguageRule.objects.exists()
    rules.sync_after_migrate(sender=None, apps=apps, plan=[])
    assert LanguageRule.objects.filter(phrase="nutter").exists()


def test_saving_a_rule_unchanged_in_the_admin_is_not_an_edit(ship):
    rule = seeded(shipped("nutter"))
    rule.alternatives = "a kinder word\r\nanother one"  # as a browser's text box sends it
    rule.save()
    ship(shipped("nutter", severity="high"))
    assert counts(rules.sync_rules()) == (0, 1, 0, 0)
    assert values(rule) == shipped("nutter", severity="high") | {"active": True}


def test_a_flush_sends_post_migrate_without_state_and_the_rules_stay_as_they_are(db):
    """``flush`` (run after every transactional test) sends post_migrate with neither the
    migration state nor a plan: the sync does nothing then, and raises nothing."""
    before = LanguageRule.objects.count()
    emit_post_migrate_signal(0, False, "default")
    assert LanguageRule.objects.count() == before


def test_added_rules_are_found_by_the_search_and_one_refresh_is_queued(ship, monkeypatch):
    """Rules are added in bulk (no signal per rule): the sync itself indexes them for the
    administrators' search and queues one refresh of the stored results, not one per rule."""
    from home.language_check import stored

    queued = []
    monkeypatch.setattr(stored, "queue", lambda task_, *args: queued.append(task_))
    ship(shipped("nutter"), shipped("psycho killer"), shipped("loony bin"))
    assert counts(rules.sync_rules()) == (3, 0, 0, 0)
    assert queued == [stored.refresh_outdated_task]
    found = {rule.phrase for rule in get_search_backend().search("psycho", LanguageRule)}
    assert found == {"psycho killer"}
    queued.clear()
    assert counts(rules.sync_rules()) == (0, 0, 0, 0)
    assert queued == []
