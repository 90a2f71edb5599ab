"""``manage.py migrate`` is Django's, with the garbage collector tuned only while it runs."""

import gc

import pytest
from django.core.management import call_command, get_commands
from django.db.models.signals import pre_migrate

from home.management.commands import migrate


@pytest.mark.django_db
def test_migrate_collects_less_often_while_it_runs_and_restores_the_thresholds():
    assert get_commands()["migrate"] == "home"
    seen = []

    def receiver(**_kwargs):
        seen.append(gc.get_threshold())

    suite = gc.get_threshold()  # the suite's own (tests/conftest.py)
    gc.set_threshold(700, 10, 10)  # Python's defaults, as a process starts
    pre_migrate.connect(receiver, weak=False)
    try:
        call_command("migrate", interactive=False, verbosity=0)
        after = gc.get_threshold()
    finally:
        pre_migrate.disconnect(receiver)
        gc.set_threshold(*suite)
    assert seen and set(seen) == {migrate.THRESHOLDS}
    assert after == (700, 10, 10)
