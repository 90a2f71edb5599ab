"""What an operator relies on: /health/ for load balancers, request ids in every log line,
timestamped plain or JSON log lines, and quiet library loggers at INFO."""

import io
import json
import logging
import re
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from home.operations.log_format import JSONFormatter, UTCFormatter
from home.operations.request_ids import RequestIdFilter, RequestIdMiddleware

pytestmark = pytest.mark.django_db

PLAIN = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def _health(client, **headers):
    return client.get("/health/", HTTP_ACCEPT="application/json", **headers)


def test_health_answers_a_load_balancer_probing_by_address_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = _health(client, HTTP_HOST="10.0.0.5")  # not in ALLOWED_HOSTS
    assert response.status_code == 200
    checks = response.json()
    assert {"Database", "Cache", "Storage", "TaskBacklog"} <= {key.split("(")[0] for key in checks}
    assert all(value == "OK" for value in checks.values()), checks
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("method", ["get", "head"])
def test_health_answers_a_probe_that_asks_for_nothing_in_particular(client, method):
    # What Varnish's probe and most load balancers send: no Accept header.
    response = getattr(client, method)("/health/")
    assert response.status_code == 200
    if method == "get":
        assert b"Database" in response.content


def test_health_is_503_when_media_storage_fails(client, settings, tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    settings.MEDIA_ROOT = str(not_a_folder)
    response = _health(client)
    assert response.status_code == 503
    storage = next(value for key, value in response.json().items() if key.startswith("Storage"))
    assert storage != "OK"


def _waiting_task(minutes_ago):
    from django_tasks_db.models import DBTaskResult, get_date_max

    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="home.mail.worker.deliver",
        backend_name="mail",
        queue_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


def test_a_task_backlog_is_a_warning_that_keeps_the_site_in_the_load_balancer(client):
    _waiting_task(minutes_ago=2)
    assert _health(client).json()["TaskBacklog(minutes=15)"] == "OK"
    _waiting_task(minutes_ago=40)
    response = _health(client)
    assert response.status_code == 200
    backlog = response.json()["TaskBacklog(minutes=15)"]
    assert "1 task(s) waiting for more than 15 minutes" in backlog


def _log_through_middleware(formatter, **headers):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(formatter)
    logger = logging.getLogger("tests.operations")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def view(request):
        logger.warning("inside the request")
        return HttpResponse("ok")

    try:
        response = RequestIdMiddleware(view)(RequestFactory().get("/en/", **headers))
        logger.warning("after the request")
    finally:
        logger.removeHandler(handler)
    return response, stream.getvalue().splitlines()


def test_every_line_has_a_utc_time_and_the_request_id_the_response_carries():
    response, lines = _log_through_middleware(UTCFormatter(PLAIN))
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"
    line = rf"{stamp} WARNING tests.operations \[{request_id}\] inside the request"
    assert re.fullmatch(line, lines[0])
    assert re.fullmatch(rf"{stamp} WARNING tests.operations \[-\] after the request", lines[1])


def test_the_proxys_request_id_is_kept_when_well_formed_and_replaced_when_not():
    response, lines = _log_through_middleware(
        UTCFormatter(PLAIN), HTTP_X_REQUEST_ID="edge-7f3a9c21-01"
    )
    assert response["X-Request-ID"] == "edge-7f3a9c21-01"
    assert "[edge-7f3a9c21-01]" in lines[0]
    response, lines = _log_through_middleware(
        UTCFormatter(PLAIN), HTTP_X_REQUEST_ID="forged id\r\nSet-Cookie: x"
    )
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert "forged" not in lines[0]


def test_json_lines_when_asked():
    response, lines = _log_through_middleware(
        JSONFormatter("%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s")
    )
    record = json.loads(lines[0])
    assert record["request_id"] == response["X-Request-ID"]
    assert record["message"] == "inside the request"
    assert record["levelname"] == "WARNING"
    assert record["asctime"].endswith("Z")


def test_json_lines_are_chosen_by_log_format_and_library_lines_stay_quiet_at_info():
    import importlib
    import os
    from unittest import mock

    from openly.settings import operations

    try:
        with mock.patch.dict(os.environ, {"LOG_FORMAT": "json", "LOG_LEVEL": "INFO"}):
            config = importlib.reload(operations).LOGGING
    finally:
        importlib.reload(operations)
    assert config["handlers"]["console"]["formatter"] == "json"
    assert config["root"]["level"] == "INFO"
    # The per-task and per-page lines (5,836 and 1,209 of 7,052 lines in one load_demo).
    assert config["loggers"]["django_tasks"]["level"] == "WARNING"
    assert config["loggers"]["wagtail"]["level"] == "WARNING"
