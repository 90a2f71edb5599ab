"""Run the site in gunicorn processes of its own, against a database the test chooses (a
SQLite file, the PostgreSQL test database, an address where nothing answers), and talk to
it over HTTP like browsers do: for the tests of faults and concurrency, which need real
processes, real connections and real locks.

The site runs with the test settings, its app loaded before the workers start (so no
request waits for a worker to boot), and trusts ``X-Real-IP`` for the client address, so a
test can send from as many readers as it likes. Requests carry a CSRF cookie and the
matching form field, as a browser that fetched the form would.
"""

import contextlib
import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

from tests.varnish import free_port, stop, wait_for_port

REPO = Path(__file__).resolve().parents[1]
CSRF_SECRET = secrets.token_hex(16)  # 32 characters: a CSRF secret Django accepts as is


@contextlib.contextmanager
def running_site(database_url, workers=2, threads=20, env=None):
    """gunicorn serving the site from ``database_url``; yields its base URL.

    What gunicorn and the site log goes to a file, not a pipe: nothing reads a pipe while
    the site runs, and once its 64 KB are full every thread that logs (a 503 logs its
    error) would stop until the test gave up on its answers. ``site_log()`` reads it."""
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openly.settings.test",
        "DATABASE_URL": database_url,
        "OPENLY_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        **(env or {}),
    }
    # Appended to (O_APPEND), and read without moving the offset the site writes at.
    with tempfile.TemporaryFile("ab") as log:
        process = subprocess.Popen(  # noqa: S603 - a fixed command line
            [sys.executable, "-m", "gunicorn", "openly.wsgi", "--preload", "--no-control-socket"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads)]
            + ["--timeout", "120", "--log-level", "warning"],
            cwd=REPO,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        _LOGS[f"http://127.0.0.1:{port}"] = log
        try:
            # With ``--preload`` gunicorn loads the site before it opens its port, so once
            # it listens requests are answered at once (whatever state the database is in).
            wait_for_port(port, process, "gunicorn", lambda: _tail(log), seconds=60)
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(process, seconds=20)
            _LOGS.pop(f"http://127.0.0.1:{port}", None)


_LOGS = {}


def _tail(log, characters=3000):
    size = os.fstat(log.fileno()).st_size
    start = max(0, size - 4 * characters)
    text = os.pread(log.fileno(), size - start, start).decode("utf-8", "replace")
    return text[-characters:]


def site_log(base, characters=3000):
    """The last ``characters`` of what the site at ``base`` logged so far."""
    log = _LOGS.get(base)
    return "" if log is None else _tail(log, characters)


class NoAnswer(AssertionError):
    """The site dropped the connection or did not answer in time."""


class Answer:
    """One HTTP answer: status, headers, body text, seconds it took and cookies set."""

    def __init__(self, response, seconds):
        self.status = response.status
        self.headers = response.headers
        self.text = response.read().decode("utf-8", "replace")
        self.seconds = seconds
        self.cookies = SimpleCookie()
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)

    def __repr__(self):
        return f"<Answer {self.status} in {self.seconds:.1f} s>"


def request(base, method, path, data=None, client="10.0.0.1", cookies=None, timeout=30):
    """Send one request as the reader at address ``client``; returns an Answer."""
    url = urllib.parse.urlsplit(base)
    jar = {"csrftoken": CSRF_SECRET, **(cookies or {})}
    headers = {
        "X-Real-IP": client,
        "Cookie": "; ".join(f"{name}={value}" for name, value in jar.items()),
    }
    body = None
    if data is not None:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF_SECRET}, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    started = time.monotonic()
    try:
        connection.request(method, path, body=body, headers=headers)
        return Answer(connection.getresponse(), time.monotonic() - started)
    except (OSError, http.client.HTTPException) as error:
        # A connection dropped or timed out is no answer at all: say so, with what the
        # site logged, rather than leave the caller a None to trip over.
        raise NoAnswer(
            f"{method} {path} from {client}: no answer after "
            f"{time.monotonic() - started:.1f} s ({error!r}). The site logged:\n"
            f"{site_log(base)}"
        ) from error
    finally:
        connection.close()
