"""manage.py load_demo: build (or complete) the demo site. Safe to run again."""

import datetime

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from home import site_address
from home.demo.demo_content import DEMO_PASSWORD, demo_users
from home.demo.loading import load_all


class Command(BaseCommand):
    help = "Load the demo content (idempotent; a second run creates nothing twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Reckon the demo's dates from this day (YYYY-MM-DD) instead of today.",
        )

    def handle(self, *args, **options):
        # The demo walks pages through their workflows, which notifies reviewers by email;
        # keep those messages in memory instead of printing or sending them.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            mail.outbox = []
            load_all(self.stdout, today=options["today"])
            held = len(mail.outbox)
        site_address.apply()
        self.stdout.write(f"  ({held} workflow notification emails were held back, not sent)")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if getattr(settings, "OPENLY_DEMO_PASSWORDS_ALLOWED", False):
            self.stdout.write(f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/")
            self.stdout.write(f"Demo logins (password '{DEMO_PASSWORD}', development only):")
            for user in demo_users():
                role = "administrator" if user.get("superuser") else user["group"]
                self.stdout.write(f"  {user['username']:<12} {role}")
