"""Error reports (Sentry, when SENTRY_DSN is set) carry no contributor's personal data: no
email address, no status token, no story text, from a crash in the middle of a story
submission or a status page."""

import json
import logging

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from campaigns.stories import lifecycle
from home.operations import error_reporting
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, old_form_state

pytestmark = pytest.mark.django_db

STORY_TEXT = "Nobody at work knew about my diagnosis until the winter of the flood"


class Captured(Transport):
    """Keeps every envelope the SDK would send, as JSON text."""

    sent = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            self.sent.append(item.get_bytes().decode("utf-8", "replace"))


@pytest.fixture
def reports():
    Captured.sent = []
    error_reporting.start("https://public@errors.example.invalid/1")
    client = sentry_sdk.get_client()
    client.transport = Captured(client.options)
    yield Captured.sent
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: reporting off again


def test_a_crash_during_a_story_submission_reports_nothing_personal(
    client, story_index, roles, reports, monkeypatch
):
    def crash(*args, **kwargs):
        raise RuntimeError(f"could not file the story of {CONTRIBUTOR_EMAIL}")

    monkeypatch.setattr(lifecycle, "submit", crash)
    logging.getLogger("campaigns.stories").error("about to fail for %s", CONTRIBUTOR_EMAIL)
    state, token = old_form_state()
    client.raise_request_exception = False
    response = client.post(
        "/en/stories/share/?from=" + CONTRIBUTOR_EMAIL,
        form_data(form_state=state, body=STORY_TEXT, title="Winter of the flood"),
        HTTP_COOKIE=f"sessionid=abc; thanks={token}",
    )
    assert response.status_code == 500
    sentry_sdk.flush()
    text = "\n".join(reports)
    assert "RuntimeError" in text  # the crash was reported
    for personal in (CONTRIBUTOR_EMAIL, STORY_TEXT, "Winter of the flood", token, "sessionid"):
        assert personal not in text
    assert "[email]" in text


def test_every_place_an_event_could_carry_personal_data_is_scrubbed(story_index):
    token = "Zq4xT0k3nFromAStatusLink0123456789abcdef"
    event = {
        "message": f"failed for {CONTRIBUTOR_EMAIL}",
        "request": {
            "url": f"https://openly.example.org/en/stories/status/{token}/",
            "query_string": f"email={CONTRIBUTOR_EMAIL}",
            "data": {"body": STORY_TEXT},
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc", "Referer": f"/en/stories/status/{token}/"},
        },
        "user": {"email": CONTRIBUTOR_EMAIL},
        "exception": {
            "values": [
                {
                    "value": f"Key (email)=({CONTRIBUTOR_EMAIL}) already exists.",
                    "stacktrace": {"frames": [{"function": "submit", "vars": {"b": STORY_TEXT}}]},
                }
            ]
        },
    }
    scrubbed = json.dumps(error_reporting.scrub_event(event))
    for personal in (CONTRIBUTOR_EMAIL, STORY_TEXT, token, "sessionid"):
        assert personal not in scrubbed
    assert "/en/stories/status/" in scrubbed and "submit" in scrubbed
    crumb = {
        "category": "query",
        "message": "INSERT INTO stories_contributorrecord (email) VALUES (%s)",
        "data": {"params": [CONTRIBUTOR_EMAIL]},
    }
    assert CONTRIBUTOR_EMAIL not in json.dumps(error_reporting.scrub_breadcrumb(crumb))
