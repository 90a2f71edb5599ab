from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """Durable email delivery: the queued email backend, the delivery task with its retries,
    the record of each delivery (no personal data) and the administrators' report."""

    name = "home.mail"
    label = "mail"
    verbose_name = _("Email delivery")

    def ready(self):
        # Imported here: the checks read the task backends, which need the apps loaded.
        from home.mail import checks

        checks.register()
