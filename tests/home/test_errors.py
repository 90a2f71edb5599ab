"""Error pages speak plainly and keep the site's safety features."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_oversized_body_gets_a_readable_400(home_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    # With a CSRF cookie present the CSRF check reads the body, so any form post meets the
    # size limit before a view runs.
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    response = client.post("/en/", data={"q": "x" * 5000})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read that request" in html
    assert 'id="quick-exit"' in html


def test_csrf_failure_gets_a_readable_403(home_page, settings):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/", data={"q": "help"})
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()
