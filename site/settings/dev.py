"""Settings for a developer's machine (`make run`)."""

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = env_bool("DEBUG", True)
# A development-only key; production refuses to start without its own (see production.py).
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"  # noqa: F405, S105
OPENLY_DEMO_PASSWORDS_ALLOWED = True
