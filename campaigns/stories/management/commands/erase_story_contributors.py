"""manage.py erase_story_contributors: run daily. Deletes the contributor records of stories
that were withdrawn or declined more than OPENLY_STORY_RETENTION_DAYS (default 30) ago."""

from django.core.management.base import BaseCommand

from campaigns.stories.conf import story_settings
from campaigns.stories.lifecycle import erase_due_records


class Command(BaseCommand):
    help = (
        "Erase contributor records of withdrawn or declined stories after the retention "
        "period (OPENLY_STORY_RETENTION_DAYS, default 30). Meant for a daily scheduler."
    )

    def handle(self, *args, **options):
        count = erase_due_records()
        days = story_settings.RETENTION_DAYS
        self.stdout.write(f"Erased {count} contributor record(s) closed more than {days} days ago.")
