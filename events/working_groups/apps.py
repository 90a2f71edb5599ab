from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry


class WorkingGroupsConfig(AppConfig):
    """Working groups and task forces that follow up workshops and policy dialogues. Its
    own app (label `working_groups`) inside events/."""

    name = "events.working_groups"
    label = "working_groups"
    verbose_name = _("Working groups")

    def ready(self):
        """Plug working groups into home's registries."""
        # Inside ready(): these modules import the working-group models, which load after this.
        from events.working_groups import demo_content, models

        # Working groups go through the campaign content workflow like events.
        registry.index_pages.register("working-groups", models.WorkingGroupIndexPage, order=60)
        registry.search_types.register("working-groups", models.WorkingGroupPage, order=60)
        registry.demo_loaders.register("events.working_groups", demo_content.load, order=60)
