"""manage.py language_check_benchmark: time the language check on a generated page of
50,000 words (default) in a throwaway transaction, and print the figure."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.language_check.bench import run_benchmark


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the language check on a generated 50,000-word page (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=50_000)
        parser.add_argument("--language", default="en")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                result = run_benchmark(options["words"], options["language"])
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(
            f"{result['words']} words, {result['findings']} findings: "
            f"first check {result['first'] * 1000:.0f} ms (compiling the rules), "
            f"then {result['best'] * 1000:.0f} ms (best of {result['runs']})"
        )
