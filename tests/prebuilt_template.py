"""Migrate a test-database template before the test run that uses it (CI only).

Building the test database runs every migration: close to a minute of one processor, while
the run's other processor waits (tests/database_template.py). CI starts this module in the
background as soon as the packages are installed, once for the SQLite pass and once for the
PostgreSQL pass, so the migrations run beside the lint and system checks and beside the
first pass instead of before each pass:

    python -m tests.prebuilt_template sqlite:////abs/path/template.sqlite3
    python -m tests.prebuilt_template postgres://user@host:5432/name_of_template
    python -m tests.prebuilt_template --drop <the same address>   # after the run

A run that finds ``OPENLY_TEST_DATABASE_TEMPLATE`` set to the same address waits for the
build to end (a lock file beside it) and copies the template into each worker's test
database instead of migrating one (tests/database_template.py). If the build failed, the
run migrates as usual: nothing depends on this but the time taken.

Written for this project: pytest-django's ``--reuse-db`` keeps a database between runs, but
nothing builds one ahead of a run, beside other work.
"""

import fcntl
import hashlib
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

READY = "ready\n"
ENVIRONMENT = "OPENLY_TEST_DATABASE_TEMPLATE"


def lock_path(address):
    """The lock file of a template (held while it is built; says "ready" once built)."""
    digest = hashlib.sha1(address.encode(), usedforsecurity=False).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"openly-template-{digest}.lock"


def describe(address):
    """(vendor, file path or database name) of a template's address."""
    parts = urlsplit(address)
    if parts.scheme == "sqlite":
        return "sqlite", parts.path[1:] if parts.path.startswith("//") else parts.path
    return "postgresql", parts.path.lstrip("/")


def ready(address, vendor):
    """The template of ``address`` once its build has ended, or None (no build was started,
    it failed, or it is for another database engine). Waits while it is being built."""
    template_vendor, name = describe(address)
    path = lock_path(address)
    if template_vendor != vendor or not path.exists():
        return None
    with open(path) as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)
        try:
            built = lock.read() == READY
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return name if built else None


def _setup(address):
    os.environ["DATABASE_URL"] = address
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.test")
    import django

    django.setup()


def remove(connection, name):
    """Remove a template of ``connection``'s engine: SQLite's file, PostgreSQL's database
    (also what tests/database_template.py does with the templates it built)."""
    if connection.vendor == "sqlite":
        Path(name).unlink(missing_ok=True)
        return
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


def build(address):
    """Migrate a new template at ``address``, holding its lock; mark it ready."""
    name = describe(address)[1]
    with open(lock_path(address), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _setup(address)
        from django.core.management import call_command
        from django.db import connection

        remove(connection, name)
        if connection.vendor == "postgresql":
            with connection._nodb_cursor() as cursor:
                cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
        connection.close()
        lock.write(READY)
        lock.flush()


def drop(address):
    """Remove the template and its lock file."""
    lock_path(address).unlink(missing_ok=True)
    _setup(address)
    from django.db import connection

    remove(connection, describe(address)[1])


def main(arguments):
    if arguments[:1] == ["--drop"]:
        drop(arguments[1])
    else:
        build(arguments[0])


if __name__ == "__main__":
    main(sys.argv[1:])
