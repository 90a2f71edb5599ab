"""ASGI entry point: exposes `application` for the ASGI server."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.production")

application = get_asgi_application()
