"""A database made by Openly before its capabilities became apps of their own migrates to
today's code and every row is found again.

The old code is taken from git (the last commit before the move), set up with its own
`migrate` and `load_demo` on a scratch database of the backend this run uses (SQLite or
PostgreSQL), then today's `migrate` runs on that database. What is checked afterwards, with
today's models: every table keeps its rows, every model's manager finds exactly the rows of
its table, every page and workflow task loads as its specific class, and every content type
that named a model before still names one, under the same id (so permissions, revisions,
page types and wagtail-localize's objects keep pointing at the right thing).
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO
from pathlib import Path

import pytest
from django.db import connection

from home.management.commands import migrate

# The last commit whose models all lived in `home` (issue 10 moved them into apps).
BEFORE_THE_MOVE = "ebe942caf18174b3ac89b88a7f19aae0ff4d8e1c"
REPO = Path(__file__).resolve().parent.parent
# Tables that a data migration after the move adds rows to: the language rules of every
# locale (language_check 0006 seeds them and switches off the old ones, deleting none).
GAIN_ROWS = {"home_languagerule"}

# Run by old and new code alike: rows per table, and which content types name a model.
PROBE = """
import json
from django.contrib.contenttypes.models import ContentType
from django.db import connection
counts = {}
with connection.cursor() as cursor:
    for table in connection.introspection.table_names():
        cursor.execute("SELECT COUNT(*) FROM " + connection.ops.quote_name(table))
        counts[table] = cursor.fetchone()[0]
types = {
    str(ct.pk): [ct.app_label, ct.model, ct.model_class() is not None]
    for ct in ContentType.objects.all()
}
print("PROBE" + json.dumps({"counts": counts, "types": types}))
"""

# Run by today's code only: the ORM finds every row, and every page and task loads.
ORM_CHECK = """
import json
from django.apps import apps
from django.db import connection
from wagtail.models import Page, Task
problems = []
with connection.cursor() as cursor:
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        table = model._meta.db_table
        cursor.execute("SELECT COUNT(*) FROM " + connection.ops.quote_name(table))
        in_table = cursor.fetchone()[0]
        found = model._base_manager.count()
        if found != in_table:
            problems.append(f"{model._meta.label}: {found} found, {in_table} in {table}")
pages = 0
for page in Page.objects.all():
    if page.specific_class is None:
        problems.append(f"page {page.pk} has no page type")
    else:
        page.specific
        pages += 1
tasks = [task.specific for task in Task.objects.all()]
print("CHECK" + json.dumps({"problems": problems, "pages": pages, "tasks": len(tasks)}))
"""


MIGRATE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
"""
# The old code migrates and loads its demo with the collector tuned as today's `migrate` is
# (home/management/commands/migrate.py): the same work; its migrations take about a fifth
# less processor time (the demo loads in about the same).
OLD_SIDE = (
    f"import gc\ngc.set_threshold(*{migrate.THRESHOLDS!r})\n"
    + MIGRATE
    + 'call_command("load_demo")\n'
    + PROBE
)
NEW_SIDE = MIGRATE + PROBE + ORM_CHECK


def _old_tree(tmp_path):
    """Today's repository at BEFORE_THE_MOVE, unpacked into ``tmp_path/old``."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.fail("This test needs git and the repository's history (a full clone).")
    archive = subprocess.run(  # noqa: S603 (a fixed command: git archive of a fixed commit)
        [git, "-C", str(REPO), "archive", "--format=tar", BEFORE_THE_MOVE],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        pytest.fail(f"git could not read {BEFORE_THE_MOVE}: {archive.stderr.decode()[:300]}")
    old = tmp_path / "old"
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(old, filter="data")
    # The project package is imported as `openly`; point that name at the old `site/`
    # ahead of today's editable install (which Python consults last).
    packages = tmp_path / "packages"
    packages.mkdir()
    (packages / "openly").symlink_to(old / "site", target_is_directory=True)
    return old, packages


def _manage(cwd, database_url, media, *args, pythonpath=None, script=None):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openly.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
    }
    environ.pop("REDIS_URL", None)
    if pythonpath:
        environ["PYTHONPATH"] = os.pathsep.join(str(path) for path in pythonpath)
    command = [sys.executable, "manage.py", *args]
    if script is not None:
        command += ["-c", script]
    # This interpreter running manage.py with fixed arguments.
    result = subprocess.run(command, cwd=cwd, env=environ, capture_output=True, text=True)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def _read(output, marker):
    line = next(line for line in output.splitlines() if line.startswith(marker))
    return json.loads(line[len(marker) :])


@pytest.fixture
def scratch_database(tmp_path):
    """A database URL of this run's backend that nothing else uses, dropped afterwards."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'before.sqlite3'}"
        return
    import psycopg

    settings = connection.settings_dict
    name = f"openly_migrate_{uuid.uuid4().hex[:12]}"
    server = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    yield f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(**server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Slow by nature (about a minute, over the 10 s budget): it installs the whole demo with
# the old code before migrating.
def test_a_database_from_before_the_move_migrates_and_keeps_every_row(tmp_path, scratch_database):
    old, packages = _old_tree(tmp_path)
    media = tmp_path / "media"
    paths = [packages, old]
    # One process for each side (each start of Django costs seconds): the old code migrates,
    # loads its demo and counts; today's code migrates, counts and loads every row.
    before = _read(
        _manage(old, scratch_database, media, "shell", script=OLD_SIDE, pythonpath=paths),
        "PROBE",
    )
    output = _manage(REPO, scratch_database, media, "shell", script=NEW_SIDE)
    after = _read(output, "PROBE")
    check = _read(output, "CHECK")

    assert before["counts"]["wagtailcore_page"] > 50, "the old demo did not load"
    lost = {
        table: (rows, after["counts"].get(table))
        for table, rows in before["counts"].items()
        if after["counts"].get(table) != rows
        # Migration bookkeeping and content types legitimately gain rows.
        and table not in {"django_migrations", "django_content_type", "auth_permission"}
        # Tables a later data migration adds rows to keep every row they had.
        and not (table in GAIN_ROWS and (after["counts"].get(table) or 0) > rows)
    }
    assert lost == {}, f"tables whose rows changed (before, after): {lost}"
    assert check["problems"] == []
    assert check["pages"] == before["counts"]["wagtailcore_page"]
    assert check["tasks"] == before["counts"]["wagtailcore_task"]

    old_names = {(app, model) for app, model, resolved in before["types"].values() if resolved}
    for pk, (app, model, resolved) in before["types"].items():
        if not resolved:
            continue
        new_app, new_model, still_resolved = after["types"][pk]
        assert still_resolved, f"content type {pk} ({app}.{model}) names no model any more"
        assert new_model == model, f"content type {pk} now names {new_app}.{new_model}"
    duplicates = [
        f"{app}.{model}"
        for pk, (app, model, _resolved) in after["types"].items()
        if pk not in before["types"] and any(name == model for _app, name in old_names)
    ]
    assert duplicates == [], f"content types created again instead of renamed: {duplicates}"
    assert before["counts"]["auth_permission"] <= after["counts"]["auth_permission"]
