from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry


class DemoConfig(AppConfig):
    """The demo content framework and the `load_demo` command."""

    name = "home.demo"
    label = "demo"
    verbose_name = _("Demo content")

    def ready(self):
        # Home core imports no capability app, so the demo app brings home's own loader:
        # the site skeleton every other app's demo builds on. Importing checks registers it.
        from home.demo import checks, demo_content  # noqa: F401

        registry.demo_loaders.register("home", demo_content.load, order=10)
