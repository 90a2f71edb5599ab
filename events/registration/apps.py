from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry
from home.jobs.periodic import Job, register_job
from home.public_forms import register_public_form


class RegistrationConfig(AppConfig):
    """Registration for events on this site: places, a waiting list, confirmation emails
    with the calendar file, private cancel links, and the registrants' personal data seen
    only by the event's organisers and moderators and erased after the event. A separate
    app (label `registration`) inside events/."""

    name = "events.registration"
    label = "registration"
    verbose_name = _("Event registration")

    def ready(self):
        """Plug registration into home: the public form, the impact figures, the log
        redaction of cancel links, the erasure job and the demo."""
        # Inside ready(): these modules import the models, which load after this config.
        from events.registration import demo_content, impact, lifecycle, models, public, tokens

        lifecycle.connect()
        register_public_form(
            public.FORM_NAME,
            models.RegistrationSetup.event.field.related_model,
            "register",
            fresh_fields=public.fresh_fields,
            show_again=public.show_again,
        )
        # After the events held (order 40), before the actions (50).
        registry.impact_series.register("registrations", impact.REGISTRATIONS, order=45)
        registry.log_redactions.register(
            "registration-cancel-links", (tokens.IN_URL_PATH, tokens.REDACTED_PATH)
        )
        # After the events' own loader, whose events it opens registration on.
        registry.demo_loaders.register("events.registration", demo_content.load, order=45)
        register_job(
            Job(
                "erase_registrations",
                "erase_registrations",
                daily_at=time(3, 30),
                description="Erase registrants' personal data a set number of days after "
                "their event (OPENLY_REGISTRATION_RETENTION_DAYS).",
            )
        )
