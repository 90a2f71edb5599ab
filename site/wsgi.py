"""WSGI entry point: exposes `application` for the WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.production")

application = get_wsgi_application()
