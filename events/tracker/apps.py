from datetime import time

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import registry
from home.jobs.periodic import Job, register_job


class TrackerConfig(AppConfig):
    """The action tracker: every published action point in one filterable view, its
    history of status changes, reminders to owners and a calendar of due dates. A separate
    app (label `tracker`) inside events/, reading any page with ``tracked_actions()``."""

    name = "events.tracker"
    label = "tracker"
    verbose_name = _("Action tracker")

    def ready(self):
        """Connect the index's signal adapters and plug the tracker into home."""
        # Inside ready(): these modules import the models, which load after this config.
        from events.tracker import demo_content, impact, models, signals, sync

        signals.connect()
        registry.index_pages.register("actions", models.ActionTrackerPage, order=35)
        registry.impact_series.register("actions", impact.ACTIONS, order=60)
        registry.setup_steps.register("tracker", _rebuild_step(sync), order=50)
        # After every loader whose pages hold actions (events, commitments, working groups).
        registry.demo_loaders.register("events.tracker", demo_content.load, order=90)
        register_job(
            Job(
                "action_reminders",
                "send_action_reminders",
                daily_at=time(6, 0),
                description="Remind owners of actions due soon or overdue (once each).",
            )
        )


def _rebuild_step(sync):
    def step():
        return f"{sync.rebuild()} action(s) in the action tracker"

    return step
