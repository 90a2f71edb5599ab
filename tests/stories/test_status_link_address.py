"""The private status link a contributor is emailed carries the configured site address,
not the Host the form was posted to."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, old_form_state

pytestmark = pytest.mark.django_db


@override_settings(OPENLY_SITE_URL="https://mhw.example.org")
def test_the_emailed_status_link_uses_the_configured_address(
    client, roles, django_capture_on_commit_callbacks
):
    state, token = old_form_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", form_data(form_state=state))
    assert response.status_code == 303
    sent = [message for message in mail.outbox if CONTRIBUTOR_EMAIL in message.to]
    assert sent
    links = re.findall(r"https?://\S+", sent[0].body)
    assert f"https://mhw.example.org/en/stories/status/{token}/" in links
    assert not [link for link in links if "testserver" in link or "localhost" in link]
