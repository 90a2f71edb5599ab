"""The services and HTTP helpers of the production smoke test (tests/deploy/smoke.py): a
PostgreSQL database and a Redis database of the run's own, a port that never answers, and
plain HTTP requests to 127.0.0.1."""

import contextlib
import http.client
import http.cookies
import os
import re
import socket
import sys
import time
import urllib.parse

import psycopg
import redis

POSTGRES = os.environ.get("OPENLY_SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("OPENLY_SMOKE_REDIS", "redis://127.0.0.1:6379")


class SmokeFailure(Exception):
    pass


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def check(condition, message):
    if not condition:
        raise SmokeFailure(message)


def request(port, path, method="GET", body=None, headers=None, timeout=30):
    """(status, headers, body) of one request to 127.0.0.1:``port``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def fetch_url(url):
    """(status, headers, body) of a GET of an absolute http URL on 127.0.0.1."""
    parts = urllib.parse.urlsplit(url)
    check(parts.hostname == "127.0.0.1" and parts.scheme == "http", f"not local: {url}")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return request(parts.port, path)


def wait_for_http(port, path, seconds=60, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SmokeFailure(f"the process behind :{port} stopped ({process.returncode})")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if request(port, path, timeout=5)[0] == 200:
                return
        time.sleep(0.3)
    raise SmokeFailure(f"127.0.0.1:{port}{path} did not answer 200")


@contextlib.contextmanager
def black_hole():
    """A port that accepts connections (the kernel completes them) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


@contextlib.contextmanager
def postgres_database():
    """A database named after this run, dropped afterwards."""
    name = f"openly_smoke_{os.getpid()}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(POSTGRES)
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def redis_database():
    """A Redis database nobody else uses: the first empty one this run can claim with a key,
    emptied afterwards."""
    claim = f"openly-smoke-claim:{os.getpid()}"
    for number in range(15, 0, -1):
        connection = redis.Redis.from_url(f"{REDIS}/{number}")
        if connection.dbsize() == 0 and connection.set(claim, "1", nx=True, ex=3600):
            if connection.dbsize() == 1:
                break
            connection.delete(claim)
    else:
        raise SmokeFailure("no empty Redis database to use")
    try:
        yield f"{REDIS}/{number}"
    finally:
        connection.flushdb()


def image_source(html):
    """The src of the home page's hero picture."""
    found = re.search(r"<img\b[^>]*\bclass=\"hero__image\"[^>]*>", html)
    check(found, "the home page shows no picture")
    return re.search(r'\bsrc="([^"]+)"', found.group(0)).group(1).replace("&amp;", "&")


def admin_unpublish(port, page_id, password):
    """Sign in to the admin on 127.0.0.1:``port`` and unpublish a page; the seconds the
    unpublish request took."""
    cookies = {}

    def send(method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, content = request(port, path, method, body, headers)
        for header in response_headers.get_all("Set-Cookie") or []:
            for key, morsel in http.cookies.SimpleCookie(header).items():
                cookies[key] = morsel.value
        return status, content.decode()

    def token(html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    _status, page = send("GET", "/admin/login/")
    credentials = {"username": "smoke-admin", "password": password, "next": "/admin/"}
    status, _ = send("POST", "/admin/login/", {**credentials, "csrfmiddlewaretoken": token(page)})
    check(status == 302 and "sessionid" in cookies, f"admin sign-in failed ({status})")
    status, page = send("GET", f"/admin/pages/{page_id}/unpublish/")
    check(status == 200, f"the unpublish page answered {status}")
    started = time.monotonic()
    status, _ = send(
        "POST", f"/admin/pages/{page_id}/unpublish/", {"csrfmiddlewaretoken": token(page)}
    )
    seconds = time.monotonic() - started
    check(status == 302, f"the admin unpublish answered {status}")
    return seconds
