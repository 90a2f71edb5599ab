"""ASGI entry point: exposes `application` for the ASGI server."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.production")

application = get_asgi_application()

# Checked once the apps are loaded (production settings): a deployment that would leak
# personal data (e.g. email printed into the log) does not start (home/deploy_checks.py).
from home.deploy_checks import refuse_to_start  # noqa: E402

refuse_to_start()
