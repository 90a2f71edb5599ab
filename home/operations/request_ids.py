"""Request ids: every request gets one (the reverse proxy's ``X-Request-ID`` when it sends a
well-formed one, else a new random id); it is sent back in the response's ``X-Request-ID``
header and written into every log line made while the request runs, so an operator can
follow one request through the proxy, Varnish and application logs."""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
# What a proxy's id may look like: short, no spaces or control characters, so it can go
# into a log line and a header as it is.
WELL_FORMED = re.compile(r"^[A-Za-z0-9._:@+=-]{8,128}$")
NONE = "-"

_current = contextvars.ContextVar("openly_request_id", default=NONE)


def current():
    """The id of the request this code runs for, or "-" outside a request."""
    return _current.get()


def _incoming(request):
    value = request.META.get("HTTP_X_REQUEST_ID", "")
    return value if WELL_FORMED.match(value) else uuid.uuid4().hex


class RequestIdMiddleware:
    """First in the middleware list: the id is set before anything else can log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _incoming(request)
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response.headers[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, for the log formats in settings."""

    def filter(self, record):
        record.request_id = current()
        return True
