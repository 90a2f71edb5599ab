"""System checks a deployment must pass before it serves anyone.

They are deployment checks (``manage.py check --deploy``) tagged ``openly_startup``. Under
production settings (``OPENLY_STARTUP_CHECKS``) the WSGI and ASGI entry points also run the
checks with that tag when they load (``refuse_to_start``), so gunicorn does not start while
one fails. The development server (which loads the same WSGI module) and the test suite are
not affected.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

STARTUP = "openly_startup"

# Email backends that deliver nothing and keep every message somewhere it does not belong:
# the messages hold contributors' addresses and their private status links.
KEEPING_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "prints every email into the log",
    "django.core.mail.backends.filebased.EmailBackend": "writes every email to files on disk",
    "django.core.mail.backends.locmem.EmailBackend": "keeps every email in memory, unsent",
}


@checks.register(STARTUP, "openly_mail", deploy=True)
def check_mail_backend(app_configs, **kwargs):
    """Production sends email through a real backend (SMTP or a provider's), or says with
    ``OPENLY_MAIL_DISABLED`` that it sends none: never to the console, files or memory."""
    # EMAIL_BACKEND is the durable queue (home.mail); the transport is what really sends.
    backend = getattr(settings, "OPENLY_EMAIL_TRANSPORT", settings.EMAIL_BACKEND)
    if backend not in KEEPING_BACKENDS or getattr(settings, "OPENLY_MAIL_DISABLED", False):
        return []
    return [
        checks.Error(
            f"The email transport is {backend}, which {KEEPING_BACKENDS[backend]}: contributors' "
            "email addresses and private status links would end up there.",
            hint=(
                "Configure outgoing mail (OPENLY_EMAIL_TRANSPORT=django.core.mail.backends."
                "smtp.EmailBackend, the default in production, with EMAIL_HOST, EMAIL_PORT, "
                "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS), or set "
                "OPENLY_MAIL_DISABLED=1 if this site deliberately sends no email (every "
                "email is then discarded)."
            ),
            id="openly.E001",
        )
    ]


def refuse_to_start():
    """Raise ImproperlyConfigured when a startup check finds an error, so the WSGI or ASGI
    server does not start serving (only where ``OPENLY_STARTUP_CHECKS`` is on: production).
    Warnings are left to ``manage.py check --deploy``."""
    if not getattr(settings, "OPENLY_STARTUP_CHECKS", False):
        return
    errors = [
        message
        for message in checks.run_checks(tags=[STARTUP], include_deployment_checks=True)
        if message.is_serious()
    ]
    if errors:
        raise ImproperlyConfigured(
            "Openly refuses to start:\n" + "\n".join(str(error) for error in errors)
        )
