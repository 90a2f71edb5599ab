"""``/health/`` for load balancers and monitoring (django-health-check).

It answers before any other middleware (``HealthMiddleware``, first in the list): a load
balancer probes by IP address over plain HTTP, which the host check and the HTTPS redirect
would otherwise refuse, and the answer must never come from a cache. Checked: the database,
the cache, media storage (a file written, read and deleted) and the task queue backlog.

The status is 200 while the site can serve readers and 503 when the database, cache or
storage fails. A task backlog (the worker stopped or cannot keep up: emails and purges wait)
is reported in the body as a warning but keeps 200: taking every app process out of the load
balancer would not make the worker run. Monitoring should alert on it (``?format=json``).
"""

import dataclasses
from datetime import timedelta

from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable, ServiceWarning
from health_check.views import HealthCheckView

PATH = "/health/"


@dataclasses.dataclass
class TaskBacklog(HealthCheck):
    """Tasks (emails, purges) that should have run some minutes ago but have not."""

    minutes: int = 15

    async def run(self):
        # In the request's own thread and database connection (sync_to_async's default),
        # like any other query of the request.
        await sync_to_async(self._check)()

    def _check(self):
        late = timezone.now() - timedelta(minutes=self.minutes)
        # A task to run at once has no run_after (the backend's "max date"): its age counts
        # from when it was queued.
        overdue = Q(run_after__lt=late) | Q(run_after=get_date_max(), enqueued_at__lt=late)
        try:
            waiting = DBTaskResult.objects.ready().filter(overdue).count()
        except Exception as error:  # noqa: BLE001 - any database failure is "unavailable"
            raise ServiceUnavailable("The task queue could not be read") from error
        if waiting:
            raise ServiceWarning(
                f"{waiting} task(s) waiting for more than {self.minutes} minutes: "
                "is the worker running?"
            )


def checks():
    """What /health/ checks, with the backlog threshold from OPENLY_HEALTH_TASK_MINUTES."""
    minutes = getattr(settings, "OPENLY_HEALTH_TASK_MINUTES", 15)
    return [
        Database,
        (Cache, {"alias": "default"}),
        (Storage, {"alias": "default"}),
        (TaskBacklog, {"minutes": minutes}),
    ]


class HealthView(HealthCheckView):
    """django-health-check's view, with 503 rather than 500 for a failure (what load
    balancers and Varnish expect of an unavailable backend) and warnings kept at 200."""

    def get_checks(self):
        self.checks = checks()
        return super().get_checks()

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            failed = [
                result
                for result in self.results
                if result.error and not isinstance(result.error, ServiceWarning)
            ]
            response.status_code = 503 if failed else 200
        return response


health_view = csrf_exempt(HealthView.as_view())


class HealthMiddleware:
    """Serves /health/ ahead of every other middleware (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            # The view is asynchronous (its checks run side by side); this middleware chain
            # is synchronous.
            response = async_to_sync(health_view)(request)
            # The HTML answer is a TemplateResponse: outside the view layer nothing else
            # would render it.
            if hasattr(response, "render"):
                response.render()
            return response
        return self.get_response(request)
