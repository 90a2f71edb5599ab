from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home.jobs import periodic


class JobsConfig(AppConfig):
    """Periodic jobs and the worker command (see the package's docstring)."""

    name = "home.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        periodic.register_site_jobs()
