"""Pages partner sites may frame (home.embeds)."""

from django.apps import AppConfig


class EmbedsConfig(AppConfig):
    """Pages under /<lang>/embed/ that partner sites may frame, which apps register in
    home.registry.embeds."""

    name = "home.embeds"
    label = "openly_embeds"

    def ready(self):
        """Check the framing setting (``manage.py check``)."""
        # Inside ready(): registering the check on import, once the settings are loaded.
        from home.embeds import checks  # noqa: F401
