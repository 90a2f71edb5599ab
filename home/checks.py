"""System checks for settings the whole site shares (``manage.py check`` and every server
start run them)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, checks.Tags.compatibility)
def deprecated_client_ip_header(app_configs, **kwargs):
    """``OPENLY_STORY_CLIENT_IP_HEADER`` was the story form's own proxy header; every limit
    now reads ``OPENLY_CLIENT_IP_HEADER`` (home.clients), which wins when both are set."""
    if not getattr(settings, "OPENLY_STORY_CLIENT_IP_HEADER", ""):
        return []
    return [
        checks.Warning(
            "OPENLY_STORY_CLIENT_IP_HEADER is deprecated: every per-client limit now uses "
            "OPENLY_CLIENT_IP_HEADER.",
            hint=(
                "Rename the variable to OPENLY_CLIENT_IP_HEADER (same value). Until then the "
                "old name is used only while OPENLY_CLIENT_IP_HEADER is unset."
            ),
            id="openly.clients.W001",
        )
    ]
