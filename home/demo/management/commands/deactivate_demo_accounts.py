"""manage.py deactivate_demo_accounts: the demo accounts that still have the demo password
are deactivated and lose that password, so a site made from a demo database can go into
production (see home.demo.checks)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.checks import demo_password_accounts


class Command(BaseCommand):
    help = (
        "Deactivate every demo account that still has the demo password, and remove that "
        "password. Accounts whose password was changed are left alone. Safe to run again."
    )
    # It is the fix the demo-password check asks for, so that error must not stop it.
    requires_system_checks = []

    def handle(self, *args, **options):
        user_model = get_user_model()
        names = demo_password_accounts(active_only=False)
        with transaction.atomic():
            for account in user_model._default_manager.filter(
                **{f"{user_model.USERNAME_FIELD}__in": names}
            ):
                account.is_active = False
                account.set_unusable_password()
                account.save(update_fields=["is_active", "password"])
        if names:
            self.stdout.write(f"Deactivated demo accounts: {', '.join(names)}.")
        else:
            self.stdout.write("No demo account has the demo password.")
