from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Mental Health Week event listings and calendar feeds."""

    name = "events"
    verbose_name = _("Events")
