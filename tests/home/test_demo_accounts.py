"""Production refuses to run while a demo account still has the demo password: a system
check error (openly.demo.E001) that names the accounts and the commands that fix it."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from home.demo.checks import demo_passwords_refused
from home.demo.demo_content import DEMO_PASSWORD
from home.demo.management.commands.deactivate_demo_accounts import (
    Command as DeactivateDemoAccounts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.OPENLY_DEMO_PASSWORDS_ALLOWED = False
    return settings


def test_a_demo_account_with_the_demo_password_stops_check_deploy(production, django_user_model):
    django_user_model.objects.create_user("admin", password=DEMO_PASSWORD, is_superuser=True)
    django_user_model.objects.create_user("editor", password=DEMO_PASSWORD)
    with pytest.raises(SystemCheckError) as refused:
        call_command("check", "--deploy", stdout=io.StringIO(), stderr=io.StringIO())
    message = str(refused.value)
    assert "openly.demo.E001" in message
    assert "admin, editor" in message
    assert "python manage.py deactivate_demo_accounts" in message
    assert "python manage.py changepassword <username>" in message


def test_the_check_is_run_by_every_server_start_not_only_by_deploy_checks(
    production, django_user_model
):
    django_user_model.objects.create_user("admin", password=DEMO_PASSWORD)
    with pytest.raises(SystemCheckError, match="openly.demo.E001"):
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())


def test_development_settings_allow_demo_passwords(settings, django_user_model):
    settings.OPENLY_DEMO_PASSWORDS_ALLOWED = True
    django_user_model.objects.create_user("admin", password=DEMO_PASSWORD)
    assert demo_passwords_refused(None) == []


def test_changed_passwords_inactive_accounts_and_other_names_pass(production, django_user_model):
    django_user_model.objects.create_user("admin", password="a-new-long-password")
    django_user_model.objects.create_user("editor", password=DEMO_PASSWORD, is_active=False)
    # Only the demo's own usernames are checked (each costs the hasher's full work).
    django_user_model.objects.create_user("someone-else", password=DEMO_PASSWORD)
    assert demo_passwords_refused(None) == []


def test_the_check_never_rewrites_a_password(production, django_user_model):
    """user.check_password() would re-save a hash made with an older hasher; the check
    only reads."""
    user = django_user_model.objects.create_user("admin")
    user.password = "sha1$salt$" + "0" * 40  # an old hasher's hash of some other password
    user.save()
    demo_passwords_refused(None)
    user.refresh_from_db()
    assert user.password == "sha1$salt$" + "0" * 40


def test_deactivating_the_demo_accounts_fixes_it(production, django_user_model, client):
    django_user_model.objects.create_user("admin", password=DEMO_PASSWORD, is_staff=True)
    django_user_model.objects.create_user("moderator", password=DEMO_PASSWORD, is_active=False)
    kept = django_user_model.objects.create_user("editor", password="a-new-long-password")
    # Run with the system checks first, as from the command line: the command is the fix
    # the failing check asks for, so that check must not stop it.
    out = io.StringIO()
    DeactivateDemoAccounts(stdout=out).execute(skip_checks=False, no_color=True, force_color=False)
    assert "Deactivated demo accounts: admin, moderator." in out.getvalue()
    admin = django_user_model.objects.get(username="admin")
    assert not admin.is_active and not admin.has_usable_password()
    kept.refresh_from_db()
    assert kept.is_active and kept.check_password("a-new-long-password")
    assert demo_passwords_refused(None) == []
    signed_in = client.post("/admin/login/", {"username": "admin", "password": DEMO_PASSWORD})
    assert signed_in.status_code == 200  # the form again: not signed in
    out = io.StringIO()
    call_command("deactivate_demo_accounts", stdout=out)
    assert "No demo account has the demo password." in out.getvalue()


def test_without_a_user_table_the_check_finds_nothing(production, monkeypatch):
    from django.db import OperationalError

    from home.demo import checks

    def no_table(active_only=True):
        raise OperationalError("no such table: auth_user")

    monkeypatch.setattr(checks, "demo_password_accounts", no_table)
    assert checks.demo_passwords_refused(None) == []
