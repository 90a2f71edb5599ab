"""manage.py setup_roles: roles, partner organisations' groups and collections, the workflows
and what other apps set up with them (home.registry.setup_steps, e.g. the language rules).
Idempotent: safe to run on every deploy."""

from django.core.management.base import BaseCommand

from home import site_address
from home.cocreation.models import PartnerOrganisation
from home.cocreation.organisations import set_up_organisation
from home.cocreation.workflows import setup_workflows
from home.registry import setup_steps


class Command(BaseCommand):
    help = "Create or update roles, organisation groups, language rules and workflows."

    def handle(self, *args, **options):
        workflows = setup_workflows()  # sets up the roles first
        for organisation in PartnerOrganisation.objects.all():
            set_up_organisation(organisation)
        reports = [step() for step in setup_steps.values()]
        site = site_address.apply()
        if site is not None:
            reports.append(f"site address set to {site.root_url}")
        self.stdout.write(
            self.style.SUCCESS(
                "; ".join([f"Roles and {len(workflows)} workflows ready", *reports]) + "."
            )
        )
