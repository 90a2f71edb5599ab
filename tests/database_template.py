"""One migrated test database per test run, copied for every pytest-xdist worker.

Building a test database runs every migration (about 270, mostly Django rendering model
states): close to a minute of processor time. Each xdist worker used to do it for itself.
Now the first worker that needs a database migrates it once, holding a lock in the run's
temporary folder (which all the workers of a run share), and leaves a template there; every
other worker copies the template instead of migrating:

- SQLite: the test database stays in memory, as before. The first worker migrates its own
  in-memory database exactly as before and writes a file copy of it with SQLite's backup
  API; the others load that file into their in-memory database the same way.
- PostgreSQL: the first worker migrates a template database named after the run
  (``test_<name>_template_<run>``); every worker, the first included, then gets its own
  database (still pytest-django's ``test_<name>_gw<n>``) by ``CREATE DATABASE ... TEMPLATE``.

Everything migrate leaves behind is in the copy: the schema, the rows of data migrations and
of post_migrate receivers (content types, permissions, Wagtail's and the site's own set-up).
The rest of pytest-django's and Django's set-up is untouched: ``setup_databases`` still
calls ``create_test_db`` (only that is replaced, for the worker's connection), serialises
what it serialises and, after the run, ``destroy_test_db`` drops each worker's database. The
last worker to finish removes the template; a worker that asks for a database after that
builds it again. A run without workers and a ``--reuse-db`` run (each worker keeps its own
database) are set up as before.

A template migrated ahead of the run (``OPENLY_TEST_DATABASE_TEMPLATE``, which CI sets:
tests/prebuilt_template.py) is copied instead of built, and left for whoever built it.
"""

import contextlib
import fcntl
import json
import os
import sqlite3

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

from tests import prebuilt_template

STATE = "openly-test-databases.json"
LOCK = "openly-test-databases.lock"


@contextlib.contextmanager
def _locked(folder):
    """The run's state file, read and written by one worker at a time."""
    with open(folder / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            path = folder / STATE
            state = json.loads(path.read_text()) if path.exists() else {}
            state.setdefault("templates", {})
            state.setdefault("users", 0)
            state.setdefault("prebuilt", [])
            yield state
            path.write_text(json.dumps(state))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class Templates:
    """The copying set-up of one xdist worker (``folder``: the run's shared temporary
    folder; ``run``: the run's id, the same in every worker)."""

    VENDORS = ("sqlite", "postgresql")

    def __init__(self, folder, run):
        self.folder = folder
        self.run = run
        self.patched = []
        self.used = False

    def install(self):
        """Replace ``create_test_db`` of the connections of an engine it can copy."""
        for connection in connections.all():
            if connection.vendor not in self.VENDORS:
                continue
            original = connection.creation.create_test_db

            def create_test_db(
                verbosity=1,
                autoclobber=False,
                serialize=True,
                keepdb=False,
                _connection=connection,
                _original=original,
            ):
                if keepdb:
                    return _original(verbosity, autoclobber, serialize, keepdb)
                return self._create(_connection, _original, verbosity, serialize)

            connection.creation.create_test_db = create_test_db
            self.patched.append(connection)

    def uninstall(self):
        """Put ``create_test_db`` back; the last worker out removes the templates."""
        for connection in self.patched:
            del connection.creation.create_test_db
        self.patched = []
        if not self.used:
            return
        with _locked(self.folder) as state:
            state["users"] -= 1
            if state["users"] > 0:
                return
            for alias, template in state["templates"].items():
                if alias not in state["prebuilt"]:
                    prebuilt_template.remove(connections[alias], template)
            state["templates"] = {}

    def _create(self, connection, original, verbosity, serialize):
        alias = connection.alias
        with _locked(self.folder) as state:
            template = state["templates"].get(alias)
            prebuilt = None if template else self._prebuilt(connection)
            if prebuilt:
                template = state["templates"][alias] = prebuilt
                state["prebuilt"].append(alias)
                copy = True
            elif template is None:
                template = self._build(connection, original, verbosity)
                state["templates"][alias] = template
                # SQLite's template is a copy of this worker's own database.
                copy = connection.vendor == "postgresql"
            else:
                copy = True
                if verbosity >= 1:
                    connection.creation.log(f"Copying the test database for alias '{alias}'...")
            if copy:
                self._copy(connection, template)
            state["users"] += 1
            self.used = True
        # What create_test_db does after migrating, each worker for its own copy.
        if serialize:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        call_command("createcachetable", database=alias)
        connection.ensure_connection()
        return connection.settings_dict["NAME"]

    @staticmethod
    def _prebuilt(connection):
        """The template migrated ahead of the run for the default database, if there is one
        for its engine and its build succeeded (waits for a build under way)."""
        address = os.environ.get(prebuilt_template.ENVIRONMENT)
        if not address or connection.alias != "default":
            return None
        return prebuilt_template.ready(address, connection.vendor)

    def _build(self, connection, original, verbosity):
        """Migrate the template of this run; returns its name (PostgreSQL) or path (SQLite)."""
        if connection.vendor == "sqlite":
            # This worker's own test database, migrated as before, then written to a file.
            original(verbosity, True, False, False)
            path = str(self.folder / f"openly-test-{connection.alias}.sqlite3")
            copy = sqlite3.connect(path)
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
            return path
        test = connection.settings_dict["TEST"]
        worker_name = test["NAME"]
        database_name = connection.settings_dict["NAME"]
        template = f"{TEST_DATABASE_PREFIX}{database_name}_template_{self.run[:8]}"
        test["NAME"] = template
        try:
            original(verbosity, True, False, False)
        finally:
            test["NAME"] = worker_name
        # Back to the server's database: no connection may stay open to a template.
        self._point_at(connection, database_name)
        return template

    def _copy(self, connection, template):
        """Give this worker's connection its own copy of the template."""
        name = connection.creation._get_test_db_name()
        if connection.vendor == "sqlite":
            self._point_at(connection, name)
            connection.ensure_connection()
            source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            return
        quote = connection.ops.quote_name
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
            cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")
        self._point_at(connection, name)

    @staticmethod
    def _point_at(connection, name):
        """What create_test_db does to point the settings and the connection at a database."""
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
