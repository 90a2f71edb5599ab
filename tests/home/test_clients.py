"""home.clients: the one helper every per-client limit uses to tell clients apart."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory

from home.clients import client_address, client_key


def request(**meta):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **meta)


def test_without_a_trusted_header_only_the_connection_counts(settings):
    settings.OPENLY_CLIENT_IP_HEADER = ""
    forged = request(HTTP_X_REAL_IP="203.0.113.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert client_address(forged) == "10.0.0.2"


def test_the_trusted_proxys_header_names_the_reader(settings):
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_address(request(HTTP_X_REAL_IP="203.0.113.1")) == "203.0.113.1"
    assert client_address(request(HTTP_X_REAL_IP=" 2001:db8::1 ")) == "2001:db8::1"
    # A request that did not come through the proxy (a health check) has no header.
    assert client_address(request()) == "10.0.0.2"


def test_a_list_header_is_read_from_the_entry_the_proxy_added(settings):
    """What a client puts in X-Forwarded-For comes first; the proxy appends what it saw."""
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    sent = request(HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.1")
    assert client_address(sent) == "203.0.113.1"


@pytest.mark.parametrize("value", ["unknown", "", "203.0.113.1:443", "<script>"])
def test_a_header_without_an_address_falls_back_to_the_connection(settings, value):
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_address(request(HTTP_X_REAL_IP=value)) == "10.0.0.2"


def test_the_deprecated_story_setting_still_names_the_header(settings):
    settings.OPENLY_CLIENT_IP_HEADER = ""
    settings.OPENLY_STORY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_address(request(HTTP_X_REAL_IP="203.0.113.1")) == "203.0.113.1"
    # The site's own setting wins when both are set.
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_CLIENT"
    assert client_address(request(HTTP_X_CLIENT="203.0.113.7")) == "203.0.113.7"


def test_the_deprecated_setting_is_reported_by_check(settings, capsys):
    settings.OPENLY_STORY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    call_command("check")
    assert "openly.clients.W001" in capsys.readouterr().err
    with pytest.raises(SystemCheckError):
        call_command("check", fail_level="WARNING")


def test_the_key_tells_clients_apart_and_hides_the_address(settings):
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    one = client_key(request(HTTP_X_REAL_IP="203.0.113.1"))
    assert one == client_key(request(HTTP_X_REAL_IP="203.0.113.1"))
    assert one != client_key(request(HTTP_X_REAL_IP="203.0.113.2"))
    assert "203.0.113.1" not in one
