"""How far an organisation's action plan has got: one state per plan, worked out from its
actions and review date the same way in the database (listings, facets, the report) and in
Python (a plan's own page)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import ActionStatus

NOT_STARTED = "not_started"
ON_TRACK = "on_track"
OVERDUE = "overdue"
REVIEW_DUE = "review_due"
DONE = "done"
# In the order the progress facet lists them.
STATE_LABELS = {
    NOT_STARTED: _("Not started"),
    ON_TRACK: _("On track"),
    OVERDUE: _("Actions overdue"),
    REVIEW_DUE: _("Past review date"),
    DONE: _("Done"),
}


def is_overdue(action, today):
    """An action not done by its due date."""
    return bool(action.due and action.due < today and action.status != ActionStatus.DONE)


def plan_state(total, done, started, overdue, review_date, today):
    """The plan's state. Precedence: every action done, then overdue actions, then a review
    date that has passed, then nothing started yet; otherwise on track. Keep in step with
    ``CommitmentPageQuerySet.with_progress``."""
    if total and done == total:
        return DONE
    if overdue:
        return OVERDUE
    if review_date and review_date < today:
        return REVIEW_DUE
    if not started:
        return NOT_STARTED
    return ON_TRACK


def progress_of(actions, review_date, today=None):
    """A plan's progress from its actions (already read): counts, state and its label."""
    today = today or timezone.localdate()
    actions = list(actions)
    total = len(actions)
    done = sum(1 for action in actions if action.status == ActionStatus.DONE)
    started = sum(1 for action in actions if action.status != ActionStatus.PLANNED)
    overdue = sum(1 for action in actions if is_overdue(action, today))
    state = plan_state(total, done, started, overdue, review_date, today)
    return {
        "total": total,
        "done": done,
        "overdue": overdue,
        "state": state,
        "state_label": STATE_LABELS[state],
        "review_passed": bool(review_date and review_date < today),
    }
