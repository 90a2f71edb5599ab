from django.core.management.base import BaseCommand

from events.tracker.sync import rebuild


class Command(BaseCommand):
    help = "Rebuild the action tracker's index from every live page that holds actions."

    def handle(self, *args, **options):
        self.stdout.write(f"Indexed {rebuild()} action(s).")
