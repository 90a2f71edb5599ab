"""The Varnish backend of Wagtail's frontend cache (home.frontend_cache), against a small
HTTP server that records what it is sent: bans and purges go out after the commit, and a
cache that is down or refuses never breaks publishing."""

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from home.frontend_cache import VarnishBackend, purge_everything
from tests.factories import CrisisHelplineFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    status = 200

    def _answer(self):
        self.server.received.append((self.command, self.path, self.headers["Host"]))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_varnish():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received = []
    server.status = 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def backend_for(address, **options):
    return VarnishBackend({"LOCATION": address, **options})


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_ban_everything_sends_one_ban(fake_varnish):
    address = f"http://127.0.0.1:{fake_varnish.server_port}"
    assert backend_for(address).ban_everything() is True
    assert fake_varnish.received == [("BAN", "/", f"127.0.0.1:{fake_varnish.server_port}")]


@pytest.mark.django_db(transaction=True)
def test_purges_wait_for_the_commit(fake_varnish):
    backend = backend_for(f"http://127.0.0.1:{fake_varnish.server_port}")
    with transaction.atomic():
        backend.purge_batch(["https://openly.example.org/en/about/?page=2"])
        assert fake_varnish.received == []
    assert fake_varnish.received == [("PURGE", "/en/about/?page=2", "openly.example.org")]


def test_a_refusal_is_logged_not_raised(fake_varnish, caplog):
    fake_varnish.status = 403
    backend = backend_for(f"http://127.0.0.1:{fake_varnish.server_port}")
    with caplog.at_level(logging.WARNING, logger="home.frontend_cache"):
        assert backend.ban_everything() is True
    assert "refused BAN" in caplog.text


def test_a_cache_that_is_down_is_logged_and_stops_the_batch(caplog):
    backend = backend_for(f"http://127.0.0.1:{closed_port()}", TIMEOUT=0.5)
    with caplog.at_level(logging.WARNING, logger="home.frontend_cache"):
        assert backend._send_all([("PURGE", "/a/", "", "x"), ("PURGE", "/b/", "", "x")]) is False
    assert caplog.text.count("Could not PURGE") == 1


def test_publishing_works_while_varnish_is_down(
    client, home_page, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "home.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{closed_port()}",
            "TIMEOUT": 0.5,
        }
    }
    page = StandardPageFactory(parent=home_page, slug="about")
    with (
        caplog.at_level(logging.WARNING, logger="home.frontend_cache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        page.title = "About Openly"
        page.save_revision().publish()
        CrisisHelplineFactory()
        purge_everything()
    assert "Could not BAN" in caplog.text
    assert client.get(page.url).status_code == 200


PURGED = []


class PurgeOnlyBackend:
    """A frontend cache that can purge URLs but not ban (a CDN's, say)."""

    hostnames = ["*"]

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        PURGED.extend(urls)


def test_backends_that_cannot_ban_purge_the_home_pages(home_page, settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.PurgeOnlyBackend"}}
    PURGED.clear()
    purge_everything()
    assert {"http://localhost/en/", "http://localhost/fr/"} <= set(PURGED)


def test_only_an_http_address_is_accepted():
    with pytest.raises(ImproperlyConfigured):
        backend_for("file:///etc/passwd")
