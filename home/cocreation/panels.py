"""The "What next" panel at the top of every Openly page's editor (registered in
home.registry.page_plugins under "top_panels"; see home.cocreation.next_step)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from home.cocreation.next_step import next_step


class NextStepPanel(Panel):
    """Tells whoever opens the editor where the page stands in its workflow and what they,
    or who else, do next; shows the reviewer's comment when changes were requested."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("What next"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/next_step_panel.html"

        def _step(self):
            if not hasattr(self, "_next_step"):
                user = getattr(self.request, "user", None)
                self._next_step = next_step(self.instance, user) if user else None
            return self._next_step

        def is_shown(self):
            return self._step() is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["step"] = self._step()
            return context
