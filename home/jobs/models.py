"""One row per periodic job and time slot: the claim that makes a slot run once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """A periodic job queued for one time slot. The unique pair (job, slot) is the claim:
    whichever worker inserts it queues the job; the others see it exists and do nothing."""

    job = models.CharField(max_length=80, help_text=_("The periodic job's name."))
    slot = models.DateTimeField(help_text=_("The start of the time slot this run is for."))
    queued_at = models.DateTimeField(auto_now_add=True, help_text=_("When it was queued."))
    task_id = models.CharField(
        max_length=64, blank=True, help_text=_("The background task that runs it.")
    )

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="jobs_one_run_per_slot")
        ]
        ordering = ["-slot"]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
