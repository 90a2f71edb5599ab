"""Django's ``migrate``, with the cyclic garbage collector run less often while it works.

Migrating renders the models of each migration's state (hundreds of model classes, again for
every migration that alters one of them), and with Python's default thresholds the collector
walked all of those objects again and again: measured here, a fresh SQLite database's 282
migrations took 35 s of processor time, 27 s with these thresholds. They are put back when
the command ends, so a process that goes on after migrating (the test suite, a
``call_command``) collects as before. Nothing else of the command changes.
"""

import gc

from django.core.management.commands.migrate import Command as DjangoMigrateCommand

THRESHOLDS = (100_000, 50, 100)  # allocations before a young collection; then as Python's


class Command(DjangoMigrateCommand):
    def handle(self, *args, **options):
        before = gc.get_threshold()
        gc.set_threshold(*THRESHOLDS)
        try:
            return super().handle(*args, **options)
        finally:
            gc.set_threshold(*before)
