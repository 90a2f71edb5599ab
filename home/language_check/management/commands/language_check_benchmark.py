"""manage.py language_check_benchmark: time the language check on a generated page of
50,000 words (default) in a throwaway transaction, and print the figures (processor time:
the first check, which in a fresh process is the cold figure, and the median after it)."""

import json

from django.core.management.base import BaseCommand
from django.db import transaction

from home.language_check.bench import describe, run_benchmark


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the language check on a generated 50,000-word page (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=50_000, help="Words on the page.")
        parser.add_argument("--language", default="en", help="The locale, e.g. de.")
        parser.add_argument("--runs", type=int, default=7, help="Warm checks to time.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                result = run_benchmark(options["words"], options["language"], options["runs"])
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(json.dumps(result) if options["json"] else describe(result))
