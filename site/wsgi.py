"""WSGI entry point: exposes `application` for the WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.production")

application = get_wsgi_application()

# Checked once the apps are loaded (production settings): a deployment that would leak
# personal data (e.g. email printed into the log) does not start (home/deploy_checks.py).
from home.deploy_checks import refuse_to_start  # noqa: E402

refuse_to_start()
