"""manage.py setup_roles: roles, partner organisations' groups and collections, the language
rules and the workflows. Idempotent: safe to run on every deploy."""

from django.core.management.base import BaseCommand

from home.language_check.rules import seed_rules
from home.models import PartnerOrganisation
from home.organisations import set_up_organisation
from home.workflows import setup_workflows


class Command(BaseCommand):
    help = "Create or update roles, organisation groups, language rules and workflows."

    def handle(self, *args, **options):
        workflows = setup_workflows()  # sets up the roles first
        for organisation in PartnerOrganisation.objects.all():
            set_up_organisation(organisation)
        created = seed_rules()
        self.stdout.write(
            self.style.SUCCESS(
                f"Roles and {len(workflows)} workflows ready; {created} language rules added."
            )
        )
