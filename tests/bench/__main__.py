"""Run every benchmark against a throwaway SQLite database: `make bench`.

The database is a temporary file (DATABASE_URL is set before Django starts), migrated
from scratch and deleted afterwards, so a benchmark never touches real data.
"""

import importlib
import os
import pkgutil
import sys
import tempfile
import time
from pathlib import Path


def main(argv):
    only = argv[1:]  # optional module names, e.g. `python -m tests.bench bench_events`
    with tempfile.TemporaryDirectory(prefix="openly-bench-") as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.test")
        os.environ.setdefault("MEDIA_ROOT", str(Path(folder) / "media"))
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        from tests.bench.runner import Bench

        settings.MEDIA_ROOT = os.environ["MEDIA_ROOT"]
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        out = sys.stdout
        out.write(f"Migrated a throwaway database in {time.perf_counter() - started:.1f}s\n")
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
        out.write("\n" + bench.table() + "\n")


if __name__ == "__main__":
    main(sys.argv)
