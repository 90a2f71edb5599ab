"""manage.py erase_story_contributors: run daily. Erases the stories that are due: declined
more than OPENLY_STORY_RETENTION_DAYS (default 30) ago, expired (sent back for changes and
untouched for OPENLY_STORY_EXPIRY_DAYS, default 180), and withdrawn ones not erased yet (a
withdrawal erases at once; these are older withdrawals). Each leaves a tombstone record."""

from django.core.management.base import BaseCommand

from campaigns.stories.conf import story_settings
from campaigns.stories.lifecycle import erase_due_records


class Command(BaseCommand):
    help = (
        "Erase the stories of declined records after the retention period "
        "(OPENLY_STORY_RETENTION_DAYS, default 30), of expired ones (changes suggested and "
        "untouched for OPENLY_STORY_EXPIRY_DAYS, default 180) and of withdrawals not erased "
        "yet, with their contributors' details. Meant for a daily scheduler."
    )

    def handle(self, *args, **options):
        count = erase_due_records()
        self.stdout.write(
            f"Erased {count} stor{'y' if count == 1 else 'ies'} and contributor detail(s): "
            f"declined more than {story_settings.RETENTION_DAYS} days ago, untouched after "
            f"suggested changes for {story_settings.EXPIRY_DAYS} days, or withdrawn."
        )
