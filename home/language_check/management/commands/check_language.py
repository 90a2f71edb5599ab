"""manage.py check_language: bring the stored language-check results of live pages up to
date (the findings report reads them). Publishing pages and changing rules keep them fresh
on their own; run this after a bulk import, or with --all to check every live page again."""

from django.core.management.base import BaseCommand

from home.language_check.models import PageLanguageCheck
from home.language_check.stored import refresh_outdated


class Command(BaseCommand):
    help = "Check live pages whose stored language-check result is missing or out of date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Check every live page again, not only outdated ones.",
        )

    def handle(self, *args, **options):
        if options["all"]:
            PageLanguageCheck.objects.update(stale=True)
        checked = refresh_outdated()
        self.stdout.write(self.style.SUCCESS(f"{checked} live pages checked."))
