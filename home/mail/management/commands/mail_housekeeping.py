"""manage.py mail_housekeeping: run it daily (or hourly). Deletes finished email deliveries
after OPENLY_EMAIL_KEEP_DAYS (a failed email's sealed copy with them) and the mail task
backend's finished task results as old (django-tasks-db's prune_db_task_results), and queues
again any waiting email whose task was lost with a stopped process."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from home.mail.conf import TASK_BACKEND, mail_settings
from home.mail.deliveries import prune, requeue_stranded


class Command(BaseCommand):
    help = "Prune finished email deliveries and their task results; re-queue lost emails."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep finished deliveries this many days (default: OPENLY_EMAIL_KEEP_DAYS).",
        )

    def handle(self, *args, **options):
        days = mail_settings.KEEP_DAYS if options["days"] is None else options["days"]
        requeued = requeue_stranded()
        pruned = prune(days)
        call_command(
            "prune_db_task_results",
            "--backend",
            TASK_BACKEND,
            "--queue-name",
            "*",
            "--min-age-days",
            str(days),
            verbosity=0,
        )
        self.stdout.write(
            f"Re-queued {requeued} email(s); pruned {pruned} finished delivery(ies) "
            f"older than {days} day(s) and their task results."
        )
