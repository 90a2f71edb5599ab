"""manage.py replay_erasures: after restoring the database (or the media files) from a
backup, apply every erasure in the erasure ledger again, so nothing erased since the backup
was taken comes back. Run it before the restored site takes requests. Safe to run any
number of times: what is already gone is left alone."""

from django.core.management.base import BaseCommand

from campaigns.stories.erasure import replay_all


class Command(BaseCommand):
    help = (
        "Apply every story erasure of the erasure ledger again (after a restore from "
        "backup). Idempotent."
    )

    def handle(self, *args, **options):
        entries, applied, erased = replay_all()
        self.stdout.write(
            f"Read {entries} erasure(s) from the ledger; {applied} had something to erase "
            f"again: {erased.pages} page(s), {erased.images} picture(s), {erased.files} "
            f"file(s), {erased.strings} translation string(s), {erased.emails} unsent "
            f"email(s), {erased.records} contributor record(s)."
        )
