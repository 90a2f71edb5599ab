"""Production refuses to run while a demo account still signs in with the demo password:
anyone who has seen the demo (its password is printed by ``make run`` and in the code)
could sign in as an administrator of a site made from a demo database."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core import checks
from django.db import DatabaseError

from home.demo.demo_content import DEMO_PASSWORD, demo_users
from home.deploy_checks import STARTUP

DEACTIVATE_COMMAND = "python manage.py deactivate_demo_accounts"
CHANGE_PASSWORD_COMMAND = "python manage.py changepassword <username>"  # noqa: S105 (a command)


def demo_password_accounts(active_only=True):
    """Usernames of the demo accounts whose password is still the demo password. Only the
    demo's own usernames are hashed (each check costs the hasher's full work, about half a
    second in production), and none at all on a database without them."""
    user_model = get_user_model()
    names = [fields["username"] for fields in demo_users()]
    accounts = user_model._default_manager.filter(**{f"{user_model.USERNAME_FIELD}__in": names})
    if active_only:
        accounts = accounts.filter(is_active=True)
    # hashers.check_password, not user.check_password: a check must never re-save a hash.
    return sorted(
        account.get_username()
        for account in accounts
        if account.has_usable_password() and check_password(DEMO_PASSWORD, account.password)
    )


# Also a startup check: gunicorn refuses to load the site (home.deploy_checks).
@checks.register(checks.Tags.security, STARTUP)
def demo_passwords_refused(app_configs, **kwargs):
    """An error, so every command that runs the checks (``check``, ``check --deploy``,
    ``migrate``, ``runserver``) stops, unless the settings allow demo passwords (only the
    development and test settings do)."""
    if getattr(settings, "OPENLY_DEMO_PASSWORDS_ALLOWED", False):
        return []
    try:
        names = demo_password_accounts()
    except DatabaseError:
        # No database yet, or no user table before the first migrate: no account to find.
        return []
    if not names:
        return []
    return [
        checks.Error(
            "These demo accounts still sign in with the demo password, which anyone who "
            f"has seen the Openly demo knows: {', '.join(names)}.",
            hint=(
                f"Deactivate them and remove their demo password with `{DEACTIVATE_COMMAND}`, "
                f"or give each one a new password with `{CHANGE_PASSWORD_COMMAND}`. Only "
                "settings with OPENLY_DEMO_PASSWORDS_ALLOWED = True (development) accept "
                "demo passwords."
            ),
            obj=settings.AUTH_USER_MODEL,
            id="openly.demo.E001",
        )
    ]
