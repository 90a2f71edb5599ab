"""How much of a translation is translated, when it is sent for review and when it is reviewed.

A translation sent to review half done is approved half in English: wagtail-localize fills
every segment nobody translated with the source text. So the translator is told the figure
("12 of 40 segments (30%) translated") before sending, and has to confirm when it is below
100%; the figure at that moment is kept in the object's history (a log entry), because the
draft the reviewers judge was made from the strings of that moment, and the translation
editor shows that same figure to everyone while the review lasts."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter, log
from wagtail.log_actions import registry as log_registry
from wagtail_localize.models import Translation

SUBMITTED_ACTION = "openly.translation_submitted"


@dataclass(frozen=True)
class Progress:
    """``translated`` of ``total`` string segments have a translation."""

    total: int
    translated: int

    @property
    def percent(self):
        """Rounded down: 39 of 40 is 97%, never a misleading 100%."""
        return 100 if not self.total else self.translated * 100 // self.total

    @property
    def complete(self):
        return self.translated >= self.total

    @property
    def missing(self):
        return max(self.total - self.translated, 0)

    def __str__(self):
        return ngettext(
            "%(translated)s of %(total)s segment (%(percent)s%%) translated",
            "%(translated)s of %(total)s segments (%(percent)s%%) translated",
            self.total,
        ) % {"translated": self.translated, "total": self.total, "percent": self.percent}

    def as_data(self):
        return {"total": self.total, "translated": self.translated}

    @classmethod
    def from_data(cls, data):
        try:
            return cls(total=int(data["total"]), translated=int(data["translated"]))
        except (KeyError, TypeError, ValueError):
            return None


def translation_of(obj):
    """The wagtail-localize translation whose target is ``obj`` (a page or snippet in a
    language other than its source's), or None."""
    key = getattr(obj, "translation_key", None)
    if key is None:
        return None
    return (
        Translation.objects.filter(
            source__object_id=key, target_locale_id=obj.locale_id, enabled=True
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )


def progress_of(translation):
    """The translation's progress now (None for no translation)."""
    if translation is None:
        return None
    total, translated = translation.get_progress()
    return Progress(total=total, translated=translated)


def record_submission(obj, user, progress):
    """Keep in ``obj``'s history how much was translated when it was sent for review."""
    if progress is not None:
        log(instance=obj, action=SUBMITTED_ACTION, user=user, data=progress.as_data())


def submitted_progress(obj):
    """The figure recorded when ``obj``'s review in progress was asked for, or None (no
    review in progress, or sent before figures were recorded)."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None:
        return None
    entry = (
        log_registry.get_logs_for_instance(obj)
        .filter(action=SUBMITTED_ACTION, timestamp__gte=state.created_at)
        .order_by("-timestamp")
        .first()
    )
    return Progress.from_data(entry.data) if entry is not None else None


class SubmittedFormatter(LogFormatter):
    """How the history lists a submission: with its figure."""

    label = _("Send translation for review")

    def format_message(self, log_entry):
        progress = Progress.from_data(log_entry.data)
        if progress is None:
            return _("Sent for review")
        return _("Sent for review with %(progress)s") % {"progress": progress}


def register_log_actions(actions):
    """For the ``register_log_actions`` hook."""
    actions.register_action(SUBMITTED_ACTION)(SubmittedFormatter)
