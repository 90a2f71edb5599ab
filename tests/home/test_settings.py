"""Settings: production refuses to start without a secret or with an email backend that keeps
mail in the log, on disk or in memory, and passes check --deploy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_ENV = {
    "DJANGO_SETTINGS_MODULE": "openly.settings.production",
    "SECRET_KEY": "x7!kq2@p9#zt5$wm8^rb3&nv6*hc1(ly4)fd0-js_ge+ua=oi" + "Q" * 10,
    "ALLOWED_HOSTS": "openly.example.org",
    "OPENLY_SITE_URL": "https://openly.example.org",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "mail.example.org",
}
CONSOLE_MAIL = "django.core.mail.backends.console.EmailBackend"


def run_manage(*args, env):
    return _run(["manage.py", *args], env)


def load_wsgi(env):
    """What gunicorn does first: import the WSGI application (which starts Django)."""
    return _run(["-c", "import openly.wsgi"], env)


# What gunicorn does first (import the WSGI application, which starts Django), then what
# `manage.py check --deploy --fail-level WARNING` does, in one process: each start of Django
# costs seconds, and the application's refusal leaves the apps loaded for the check.
DEPLOY_PROBE = """
import json, traceback
from io import StringIO
result = {}
try:
    import openly.wsgi
    from django.conf import settings
    result["wsgi"] = "loaded"
    result["transport"] = settings.OPENLY_EMAIL_TRANSPORT
except Exception as error:
    result["wsgi"] = "".join(traceback.format_exception_only(type(error), error))
from django.core.management import call_command
from django.core.management.base import SystemCheckError
output = StringIO()
try:
    call_command("check", "--deploy", "--fail-level", "WARNING", stdout=output, stderr=output)
    result["check"] = "passed"
except SystemCheckError as error:
    result["check"] = str(error)
result["check_output"] = output.getvalue()
print("PROBE" + json.dumps(result))
"""


def deploy_probe(env):
    """{"wsgi": "loaded" or the error, "check": "passed" or the errors, "check_output",
    "transport" once loaded} for the site started with ``env``."""
    result = _run(["-c", DEPLOY_PROBE], env)
    line = next((line for line in result.stdout.splitlines() if line.startswith("PROBE")), None)
    assert line is not None, result.stdout + result.stderr
    return json.loads(line.removeprefix("PROBE"))


def read_settings(code, env):
    """Run ``code`` with ``s``, the settings read from the environment ``env``, as every
    process of the site reads them: without starting Django's apps, which costs seconds."""
    return _run(["-c", f"from django.conf import settings as s; {code}"], env)


def _run(args, env):
    # Start from a clean slate: the browser tests' async-safety switch and the database or
    # cache the suite itself runs on (CI's PostgreSQL run) must not leak into these checks.
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "REDIS_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_passes_check_deploy_without_warnings_and_loads_the_wsgi_application():
    probe = deploy_probe(DEPLOY_ENV)
    assert probe["check"] == "passed", probe
    assert "System check identified no issues" in probe["check_output"]
    assert probe["wsgi"] == "loaded", probe["wsgi"]


def test_production_refuses_to_start_without_secret_key():
    env = dict(DEPLOY_ENV, SECRET_KEY="")
    result = read_settings("s.DEBUG", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("backend", ["console", "filebased", "locmem"])
def test_production_refuses_mail_kept_in_the_log_on_disk_or_in_memory(backend):
    env = dict(DEPLOY_ENV, EMAIL_BACKEND=f"django.core.mail.backends.{backend}.EmailBackend")
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "openly.E001" in result.stderr
    assert "OPENLY_MAIL_DISABLED" in result.stderr


@pytest.mark.parametrize("setting", ["OPENLY_EMAIL_TRANSPORT", "EMAIL_BACKEND"])
def test_production_refuses_console_mail_and_gunicorn_does_not_start(setting):
    # EMAIL_BACKEND in the environment names the transport too (older set-ups).
    env = {k: v for k, v in DEPLOY_ENV.items() if not k.startswith("EMAIL_")}
    env[setting] = CONSOLE_MAIL
    probe = deploy_probe(env)
    assert "openly.E001" in probe["check"]
    assert "Openly refuses to start" in probe["wsgi"]
    assert "openly.E001" in probe["wsgi"]
    # With mail that is sent, the same import starts
    # (test_production_passes_check_deploy_without_warnings_and_loads_the_wsgi_application).


def test_development_loads_the_wsgi_application():
    # The development server loads the same module, with the console backend: it starts.
    loaded = load_wsgi(env={"DJANGO_SETTINGS_MODULE": "openly.settings.dev"})
    assert loaded.returncode == 0, loaded.stderr


def test_mail_deliberately_off_starts_and_discards_every_email():
    env = dict(DEPLOY_ENV, EMAIL_BACKEND=CONSOLE_MAIL, OPENLY_MAIL_DISABLED="1")
    probe = deploy_probe(env)
    assert probe["check"] == "passed", probe
    assert probe["wsgi"] == "loaded", probe["wsgi"]
    assert probe["transport"] == "django.core.mail.backends.dummy.EmailBackend"


def test_database_and_cache_come_from_the_environment():
    code = (
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    env = dict(
        DEPLOY_ENV,
        DATABASE_URL="postgres://u@db.example.org:5432/openly",
        REDIS_URL="redis://cache.example.org:6379/0",
    )
    result = read_settings(code, env=env)
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert "django.core.cache.backends.redis.RedisCache" in result.stdout
    assert "home.search.postgres" in result.stdout
    default = read_settings(code, env={"DJANGO_SETTINGS_MODULE": "openly.settings.dev"})
    assert "sqlite3" in default.stdout and "LocMemCache" in default.stdout
