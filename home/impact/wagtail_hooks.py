"""The impact dashboard's panel on the admin dashboard, for coordinators (moderators and
administrators): each series' total over the last 12 months, one compact chart, and a
link to the public dashboard."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from home.cache import default_locale
from home.cocreation.roles import is_moderator
from home.impact.dashboard import dashboard
from home.impact.models import ImpactPage
from home.impact.selection import Selection

PANEL_PERIOD = "12"


class ImpactPanel(Component):
    """Compact figures for coordinators (empty for everyone else)."""

    name = "impact_dashboard"
    order = 160
    template_name = "impact/admin_panel.html"

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if is_moderator(self.user) else ""

    def get_context_data(self, parent_context=None):
        selection = Selection(period=PANEL_PERIOD, today=timezone.localdate())
        views = dashboard(selection)
        page = ImpactPage.objects.live().filter(locale=default_locale()).first()
        return {"views": views, "chart_view": views[0] if views else None, "page": page}


@hooks.register("construct_homepage_panels")
def add_impact_panel(request, panels):
    panels.append(ImpactPanel(request.user))
