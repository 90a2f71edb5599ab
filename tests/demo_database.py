"""The demo site, loaded once per test run and copied into the database of every test that
reads it (the ``demo_site`` fixture, tests/conftest.py).

``manage.py load_demo`` is the costliest step in the suite (about a minute of processor
time). The tests that only read the demo (or change a copy of it) used to load it each for
itself. Now the first test process that needs it loads it, as the test did, into its own
test database, and keeps a copy in the run's temporary folder (which every pytest-xdist
worker of the run shares): a file copy of the database made with SQLite's backup API, and
the media files the demo made. Every later test that needs the demo gets that copy loaded
into its own database (the backup API again) and the media copied into its own media folder.

Only transactional tests can use it: the copy replaces the whole database, which cannot
happen inside a test's transaction, and the tables are emptied after such a test as after
any transactional test. Only SQLite's in-memory test database is copied this way; on other
engines the demo is loaded for each test as before.
"""

import contextlib
import fcntl
import io
import shutil
import sqlite3

from django.conf import settings
from django.core.management import call_command
from django.db import connection

DATABASE = "openly-demo.sqlite3"
MEDIA = "openly-demo-media"
OUTPUT = "openly-demo-output.txt"
LOCK = "openly-demo.lock"


@contextlib.contextmanager
def _locked(folder):
    with open(folder / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _load():
    """Load the demo into this test's database as the tests did: every locale first, then
    ``load_demo``. Returns what the command wrote."""
    from wagtail.models import Locale  # needs the app registry, ready only once tests run

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _forget_process_state():
    """What this process remembers of the database it had: content types (ids may differ
    in the copy) and cached pages, sites and language rules."""
    from django.contrib.contenttypes.models import ContentType  # needs the app registry
    from django.core.cache import cache

    from home.language_check import engine

    ContentType.objects.clear_cache()
    cache.clear()
    engine._compiled.clear()


def demo_site(folder):
    """Give this transactional test's database the demo, loaded once per run in ``folder``
    (the run's shared temporary folder); returns what ``load_demo`` wrote as it loaded it."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return _load()
    connection.ensure_connection()
    media = folder / MEDIA
    with _locked(folder):
        if not (folder / DATABASE).exists():
            output = _load()
            shutil.copytree(settings.MEDIA_ROOT, media, dirs_exist_ok=True)
            (folder / OUTPUT).write_text(output)
            copy = sqlite3.connect(folder / f"{DATABASE}.part")
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
            (folder / f"{DATABASE}.part").rename(folder / DATABASE)
            return output
    source = sqlite3.connect(f"file:{folder / DATABASE}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    _forget_process_state()
    return (folder / OUTPUT).read_text()
