"""manage.py send_story_notifications: retry the reviewers' "a story is waiting" notices
that could not be sent when the story arrived. Safe to run often (e.g. every 10 minutes)."""

from django.core.management.base import BaseCommand

from campaigns.stories.notifications import retry_pending


class Command(BaseCommand):
    help = "Send the story review notices that failed earlier."

    def handle(self, *args, **options):
        sent, failed = retry_pending()
        self.stdout.write(f"Sent {sent} story review notice(s); {failed} still failing.")
