"""manage.py language_check_prepare: unpack the lemma dictionaries of every language into the
cache folder (see home/lemma_dictionaries.py), once per machine at deployment, so no process
unpacks them on its first check or its first Ukrainian search."""

import time

from django.core.management.base import BaseCommand

from home import lemma_dictionaries as dictionaries


class Command(BaseCommand):
    help = "Unpack the language check's lemma dictionaries into their cache folder."

    def add_arguments(self, parser):
        parser.add_argument("languages", nargs="*", help="Only these languages, e.g. pl de.")

    def handle(self, *args, **options):
        for language in options["languages"] or dictionaries.site_languages():
            started = time.process_time()
            dictionaries.prepare([language])
            spent = time.process_time() - started
            self.stdout.write(f"{language}: ready ({spent:.2f} s of processor time)")
