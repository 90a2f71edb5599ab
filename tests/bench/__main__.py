"""Run every benchmark against a throwaway database: `make bench`.

By default the database is a temporary SQLite file (DATABASE_URL is set before Django
starts), migrated from scratch and deleted afterwards, so a benchmark never touches real
data. `python -m tests.bench --postgres postgres://user@host:5432` runs the same against
a temporary PostgreSQL database created on that server and dropped at the end.
`python -m tests.bench bench_events` runs only the named modules.
"""

import argparse
import contextlib
import importlib
import os
import pkgutil
import sys
import tempfile
import time
from pathlib import Path


@contextlib.contextmanager
def _postgres_database(server_url):
    """Create a uniquely named database on ``server_url`` and drop it afterwards."""
    import psycopg

    name = f"openly_bench_{os.getpid()}"
    admin_url = f"{server_url.rstrip('/')}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server_url.rstrip('/')}/{name}"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def main(argv):
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("modules", nargs="*", help="only these modules, e.g. bench_events")
    parser.add_argument("--postgres", metavar="SERVER_URL", help="e.g. postgres://u@h:5432")
    options = parser.parse_args(argv[1:])
    with tempfile.TemporaryDirectory(prefix="openly-bench-") as folder:
        if options.postgres:
            database = _postgres_database(options.postgres)
        else:
            database = contextlib.nullcontext(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with database as database_url:
            os.environ["DATABASE_URL"] = database_url
            run(folder, options.modules, "PostgreSQL" if options.postgres else "SQLite")


def run(folder, only, engine):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.test")
    os.environ.setdefault("MEDIA_ROOT", str(Path(folder) / "media"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from tests.bench.runner import Bench

    settings.MEDIA_ROOT = os.environ["MEDIA_ROOT"]
    out = sys.stdout
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    out.write(f"Migrated a throwaway {engine} database in {time.perf_counter() - started:.1f}s\n")
    bench = Bench()
    package = Path(__file__).parent
    for module_info in sorted(pkgutil.iter_modules([str(package)]), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        if only and module_info.name not in only:
            continue
        module = importlib.import_module(f"tests.bench.{module_info.name}")
        bench.group = module_info.name.removeprefix("bench_")
        started = time.perf_counter()
        module.run(bench)
        out.write(f"Ran {module_info.name} in {time.perf_counter() - started:.1f}s\n")
    out.write(f"\nDatabase: {engine}\n" + bench.table() + "\n")


if __name__ == "__main__":
    main(sys.argv)
