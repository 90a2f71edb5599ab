"""A database that is locked or out of reach is answered honestly and quickly: a readable
page in the reader's language with status 503 and ``Retry-After``, never a 500 and never a
request that hangs.

- How long a request waits is set with the database (site/settings/base.py): the SQLite
  busy timeout, PostgreSQL's connect timeout.
- ``DatabaseFaultMiddleware`` (first in MIDDLEWARE) watches every query of a request. Once
  one found the database locked or unreachable, the request's later queries fail at once
  instead of waiting again, so the answer comes after one wait, not after one wait per
  query. Waiting for the write lock as a transaction begins does not count: the database
  can still be read then (another writer holds the lock), so a form can still be shown
  again with what the reader typed.
- ``server_error`` (the site's handler500) answers every request that failed on such an
  error with the 503 page, whether the error came from a middleware, a view or a template.
  The page is rendered without the database: no site chrome, only what settings hold.

Nothing is half-stored: every change is one transaction, rolled back when a query fails.
"""

import sqlite3
import sys
from contextlib import ExitStack

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views import defaults

from home.http_cache import private
from home.models import SiteSettings

# Seconds a reader (or a crawler, or a proxy) is asked to wait before trying again.
RETRY_AFTER = 30

_SQLITE_UNAVAILABLE = {
    sqlite3.SQLITE_BUSY,  # another connection holds the lock we waited for
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_IOERR,
}
# PostgreSQL error codes (SQLSTATE) that say the server cannot serve us now; class 08 is
# "connection exception". A query cancelled by a statement timeout (57014) is not among
# them: the database is there, that query was too slow (site search answers it itself).
_POSTGRES_UNAVAILABLE = {
    "53300",  # too_many_connections
    "55P03",  # lock_not_available (lock_timeout)
    "57P01",  # admin_shutdown
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now (starting up, recovering)
}
_NO_SQLSTATE = object()


def _chain(error):
    """``error`` and the exceptions it was raised from (Django wraps the driver's)."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _unavailable(error):
    """Does this one exception say the database is locked or out of reach?"""
    if isinstance(error, InterfaceError):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _SQLITE_UNAVAILABLE
    sqlstate = getattr(error, "sqlstate", _NO_SQLSTATE)  # psycopg's errors
    if sqlstate is _NO_SQLSTATE:
        return False
    if sqlstate is None:
        # Raised by the client, not the server: the connection failed or was lost.
        return type(error).__name__ in {"OperationalError", "InterfaceError"}
    return sqlstate.startswith("08") or sqlstate in _POSTGRES_UNAVAILABLE


def is_unavailable(error):
    """True when ``error`` (or what it was raised from) says the database is locked or
    cannot be reached, as opposed to a query that was wrong or too slow."""
    return any(_unavailable(link) for link in _chain(error))


def is_database_fault(error):
    """True for every error a reader should see as 'try again shortly': the database is
    unavailable, or refused or stopped an operation (OperationalError, InterfaceError)."""
    return any(isinstance(link, (OperationalError, InterfaceError)) for link in _chain(error))


class FaultWatch:
    """A query wrapper for one request: remembers the first query that found the database
    unavailable and fails every later query of the request at once."""

    def __init__(self):
        self.fault = None

    def __call__(self, execute, sql, params, many, context):
        if self.fault is not None:
            raise OperationalError(
                "The database was unavailable earlier in this request."
            ) from self.fault
        try:
            return execute(sql, params, many, context)
        except DatabaseError as error:
            # On SQLite a transaction begins by taking the write lock; failing to get it in
            # time means another writer holds it, and reading still works.
            if str(sql).lstrip()[:5].upper() != "BEGIN" and is_unavailable(error):
                self.fault = error
            raise


class DatabaseFaultMiddleware:
    """Watches the database queries of each request (see FaultWatch); first in MIDDLEWARE,
    so that every other middleware's queries are watched too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        watch = FaultWatch()
        request.database_fault_watch = watch
        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(watch))
            return self.get_response(request)


def unavailable_response(request):
    """The 503 page: what happened, that nothing sent was half-kept, when to try again, and
    the emergency number. Rendered from settings only, in the language of the address."""
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        html = loader.render_to_string(
            "503.html",
            {
                "language_code": language,
                "direction": "rtl" if language in settings.OPENLY_RTL_LANGUAGES else "ltr",
                "sent_something": request.method not in {"GET", "HEAD", "OPTIONS"},
                "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
                # The site's own choice is in the database: the neutral default stands in.
                "quick_exit_url": SiteSettings._meta.get_field("quick_exit_url").default,
                "retry_url": request.get_full_path() if request.method == "GET" else "",
            },
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return private(response)


def server_error(request):
    """handler500: the 503 page when the request failed because of the database, Django's
    plain 500 page otherwise."""
    error = sys.exc_info()[1]
    watch = getattr(request, "database_fault_watch", None)
    if (error is not None and is_database_fault(error)) or (
        watch is not None and watch.fault is not None
    ):
        return unavailable_response(request)
    return defaults.server_error(request)
