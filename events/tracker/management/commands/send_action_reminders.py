from django.core.management.base import BaseCommand

from events.tracker.reminders import send_reminders


class Command(BaseCommand):
    help = "Email owners of actions due soon or overdue (each reminder once)."

    def handle(self, *args, **options):
        reminders, emails = send_reminders()
        self.stdout.write(f"Sent {reminders} action reminder(s) in {emails} email(s).")
