"""What the action tracker counts on the impact dashboard (home.impact): actions done and
still open, by the month they are due and their country.

Only actions of published pages outside every private section (the tracker's own index),
each once: the tracker keeps a row per language, and the first row of an action stands
for it. Actions without a due date are on the tracker but not in these charts."""

from django.db.models import Case, CharField, Exists, OuterRef, Value, When
from django.utils.translation import gettext_lazy as _

from events.choices import ActionStatus
from events.tracker.models import TrackedAction
from home.impact.series import ImpactSeries

DONE = "done"
OPEN = "open"


def public_actions():
    public = TrackedAction.objects.public()
    earlier = public.filter(key=OuterRef("key"), pk__lt=OuterRef("pk"))
    return public.exclude(Exists(earlier)).annotate(
        state=Case(
            When(status=ActionStatus.DONE, then=Value(DONE)),
            default=Value(OPEN),
            output_field=CharField(),
        )
    )


ACTIONS = ImpactSeries(
    key="actions",
    label=_("Agreed actions"),
    description=_(
        "Actions agreed at workshops, policy dialogues and in action plans, done or still "
        "open, by the month they are due and their country."
    ),
    rows=public_actions,
    date_field="due",
    country_field="country",
    part_field="state",
    parts=((DONE, _("Done")), (OPEN, _("Still open"))),
)
