"""What a periodic job is, and how apps register theirs (no models here: app configs import
it while models are still loading)."""

from dataclasses import dataclass, field
from datetime import UTC, time, timedelta

from django.conf import settings

from home.registry import periodic_jobs


@dataclass(frozen=True)
class Job:
    """``command`` (with ``args``) every ``every``, or once a day at ``daily_at`` (UTC)."""

    name: str
    command: str
    args: tuple = ()
    every: timedelta | None = None
    daily_at: time | None = None
    description: str = field(default="", compare=False)

    def __post_init__(self):
        if (self.every is None) == (self.daily_at is None):
            raise ValueError(f"Job {self.name!r} needs either 'every' or 'daily_at'.")

    def slot(self, now):
        """The start of the slot ``now`` falls in: the latest multiple of ``every`` since
        midnight UTC, or today's ``daily_at`` once it has passed (else None: not yet)."""
        now = now.astimezone(UTC)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        if self.every is not None:
            steps = (now - midnight) // self.every
            return midnight + steps * self.every
        today = midnight.replace(hour=self.daily_at.hour, minute=self.daily_at.minute)
        return today if now >= today else None


def register_job(job, order=0):
    """Add ``job`` to the periodic jobs (an app's ``ready()`` calls this)."""
    return periodic_jobs.register(job.name, job, order=order)


def register_site_jobs():
    """The jobs of the site's core. Apps register their own (e.g. stories: erasure)."""
    register_job(
        Job(
            "publish_scheduled",
            "publish_scheduled",
            every=timedelta(seconds=settings.OPENLY_SCHEDULED_PUBLISHING_SECONDS),
            description="Publish and unpublish what editors scheduled (Wagtail).",
        )
    )
    register_job(
        Job(
            "mail_housekeeping",
            "mail_housekeeping",
            every=timedelta(hours=1),
            description="Delete finished email deliveries past their keeping time.",
        )
    )
    register_job(
        Job(
            "check_language",
            "check_language",
            daily_at=time(2, 30),
            description="Bring the stored language-check results of live pages up to date.",
        )
    )
