"""Optional error reporting through Sentry (``SENTRY_DSN``), with contributors' personal data
scrubbed before anything leaves the process.

What could carry personal data, and what happens to it:
- request bodies (a story's text, an email address): never sent (``max_request_body_size``
  "never"), and any ``data`` left in an event is dropped;
- cookies, headers and query strings: dropped (sessions, status links, addresses);
- the URL: status tokens and email addresses are replaced (``home.log_privacy.redact``, with
  the patterns the apps register);
- stack frames' local variables (a form's cleaned data): not collected, and dropped;
- database breadcrumbs' parameters (an INSERT's values): dropped;
- every other string in the event (exception messages, log messages, breadcrumbs):
  redacted like log lines; log records are already cleaned when they are made.
No user details are sent (``send_default_pii`` off).
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from home.log_privacy import redact

DROPPED_REQUEST_KEYS = ("data", "cookies", "headers", "query_string", "env")


def _redact(value):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redact(item) for key, item in value.items() if key != "vars"}
    if isinstance(value, list | tuple):
        return [_redact(item) for item in value]
    return value


def scrub_event(event, hint=None):
    """``before_send``: the event without personal data (see the module's docstring)."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in DROPPED_REQUEST_KEYS:
            request.pop(key, None)
    event.pop("user", None)
    return _redact(event)


def scrub_breadcrumb(crumb, hint=None):
    """``before_breadcrumb``: database queries keep their SQL but lose their parameters."""
    if crumb.get("category") in ("query", "redis"):
        crumb.pop("data", None)
    return _redact(crumb)


def start(dsn, environment="production", release=None, traces_sample_rate=0.0):
    """Start reporting errors to ``dsn``. Called from the settings when SENTRY_DSN is set."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        before_send_transaction=scrub_event,
        traces_sample_rate=traces_sample_rate,
    )
