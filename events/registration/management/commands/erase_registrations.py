from django.core.management.base import BaseCommand

from events.registration.lifecycle import erase_due


class Command(BaseCommand):
    help = "Erase registrants' personal data a set number of days after their event."

    def handle(self, *args, **options):
        self.stdout.write(f"{erase_due()} registration(s) erased")
