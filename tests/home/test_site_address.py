"""OPENLY_SITE_URL: one setting puts the real host into every absolute link made without a
request to go by (Wagtail's Site record)."""

import io

import pytest
from django.core import checks
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from home import site_address
from home.site_address import InvalidSiteURL, SiteAddress, parse
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://mhw.example.org", SiteAddress("mhw.example.org", 443)),
        ("https://mhw.example.org/", SiteAddress("mhw.example.org", 443)),
        ("http://127.0.0.1:8108", SiteAddress("127.0.0.1", 8108)),
        ("http://intranet.example", SiteAddress("intranet.example", 80)),
    ],
)
def test_an_address_gives_the_site_records_host_and_port(url, expected):
    assert parse(url) == expected


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mhw.example.org", "full address"),
        ("ftp://mhw.example.org", "full address"),
        ("https://mhw.example.org/openly/", "path"),
        ("https://mhw.example.org:8443", "443"),
        ("http://mhw.example.org:443", "https"),
        ("http://mhw.example.org:99999", "port"),
    ],
)
def test_an_address_the_site_record_cannot_hold_is_refused_with_the_reason(url, says):
    with pytest.raises(InvalidSiteURL, match=says):
        parse(url)
    with override_settings(OPENLY_SITE_URL=url):
        errors = [e for e in checks.run_checks() if e.id == "openly.site.E001"]
    assert len(errors) == 1 and says in errors[0].msg


def test_production_without_an_address_is_warned_about():
    with override_settings(OPENLY_SITE_URL=""):
        warnings = checks.run_checks(include_deployment_checks=True)
    assert "openly.site.W001" in {w.id for w in warnings}
    with override_settings(OPENLY_SITE_URL="https://mhw.example.org"):
        warnings = checks.run_checks(include_deployment_checks=True)
    assert "openly.site.W001" not in {w.id for w in warnings}


def test_migrate_writes_the_address_and_links_carry_it(client, translated_home):
    with override_settings(OPENLY_SITE_URL="https://mhw.example.org"):
        call_command("migrate", verbosity=0, interactive=False)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("mhw.example.org", 443)
    assert translated_home["fr"].full_url == "https://mhw.example.org/fr/"
    xml = sitemap_text(client)
    assert "<loc>https://mhw.example.org/uk/</loc>" in xml
    assert "localhost" not in xml


def test_setup_roles_writes_the_address_and_says_so(home_page):
    out = io.StringIO()
    with override_settings(OPENLY_SITE_URL="http://127.0.0.1:8108"):
        call_command("setup_roles", stdout=out)
        # A second run finds nothing to change and says nothing about it.
        again = io.StringIO()
        call_command("setup_roles", stdout=again)
    assert "site address set to http://127.0.0.1:8108" in out.getvalue()
    assert "site address" not in again.getvalue()
    assert home_page.full_url == "http://127.0.0.1:8108/en/"


def test_without_the_setting_the_site_record_is_left_alone(home_page):
    with override_settings(OPENLY_SITE_URL=""):
        assert site_address.apply() is None
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
