"""Nothing personal in the logs: every log record of a whole story's life (shared with an
email, reviewed and approved in the admin, published, read, withdrawn through the private
link) is captured from every logger at DEBUG level, the development server's access log
included, and none holds the contributor's email, their status token, the story's title or a
sentence of its text."""

import logging
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.servers.basehttp import WSGIRequestHandler
from django.test import Client as DjangoClient
from django.urls import reverse

from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.roles import MODERATORS, STORY_MODERATORS
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data, old_form_state, open_link

pytestmark = pytest.mark.django_db

TITLE = "Quiet mornings by the harbour wall"
SENTENCE = "The night nurse on ward seven sang to me in Portuguese until I slept."
BODY = f"For a long time I told nobody.\n\n{SENTENCE}\n\nNow I walk every morning."


class Client(DjangoClient):
    """A test client whose every request is also written to the development server's
    access log, by runserver's own request handler."""

    class _Handler:
        request = None

        def log_date_time_string(self):
            return "30/Nov/2026 09:00:00"

    def request(self, **request):
        response = super().request(**request)
        target = request["PATH_INFO"]
        if request.get("QUERY_STRING"):
            target += "?" + request["QUERY_STRING"]
        line = f"{request['REQUEST_METHOD']} {target} HTTP/1.1"
        size = str(len(getattr(response, "content", b"")))
        WSGIRequestHandler.log_message(
            self._Handler(), '"%s" %s %s', line, str(response.status_code), size
        )
        return response


class LogCapture:
    """Every record any logger makes, formatted as a handler would write it."""

    def __init__(self):
        self.lines = []
        self.formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")

    def text(self):
        return "\n".join(self.lines)


@pytest.fixture
def all_logs(monkeypatch):
    """Turn every logger up to DEBUG (whatever the configuration says, and whether or not
    it propagates) and keep what each record would print: the message with its arguments,
    the exception text and the stack."""
    capture = LogCapture()
    enabled = logging.Logger.isEnabledFor
    handle = logging.Logger.handle

    def always_enabled(self, level):
        return True

    def keep(self, record):
        capture.lines.append(capture.formatter.format(record))
        if enabled(self, record.levelno):
            handle(self, record)

    monkeypatch.setattr(logging.Logger, "isEnabledFor", always_enabled)
    monkeypatch.setattr(logging.Logger, "handle", keep)
    return capture


def _act(client, user, page, action="approve"):
    client.force_login(user)
    task_state = StoryPage.objects.get(pk=page.pk).current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


def test_a_story_from_sharing_to_withdrawal_leaves_nothing_personal_in_the_logs(
    roles, all_logs, django_capture_on_commit_callbacks
):
    client = Client()
    user_model = get_user_model()
    safety = user_model.objects.create_user("safety", "safety.reviewer@example.invalid", "x")
    safety.groups.add(roles[STORY_MODERATORS])
    approver = user_model.objects.create_user("approver", "approver@example.invalid", "x")
    approver.groups.add(roles[MODERATORS])

    # The contributor shares their story with an email address.
    assert client.get("/en/stories/share/").status_code == 200
    state, token = old_form_state()
    data = form_data(form_state=state, title=TITLE, body=BODY, consent_contact="on")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", data, follow=True)
    assert response.status_code == 200
    assert token in response.content.decode()  # the thank-you page shows the link
    link_mail = [m for m in mail.outbox if CONTRIBUTOR_EMAIL in m.to]
    assert len(link_mail) == 1
    link = re.search(r"https?://\S+/stories/status/\S+/", link_mail[0].body).group(0)
    assert token in link
    story = StoryPage.objects.get()

    # A story moderator reads it in the admin and passes the safety review; a moderator
    # approves it, which publishes it.
    reviewer = Client()
    reviewer.force_login(safety)
    assert reviewer.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert _act(reviewer, safety, story).status_code in {200, 302}
    with django_capture_on_commit_callbacks(execute=True):
        assert _act(Client(), approver, story).status_code in {200, 302}
    story.refresh_from_db()
    assert story.live
    assert client.get(story.url).status_code == 200
    assert ContributorRecord.objects.get().state == ContributorState.PUBLISHED

    # The contributor follows the link from the email, looks and withdraws.
    contributor = Client()
    status_path = open_link(contributor, link)
    response = contributor.get(status_path)
    assert response.status_code == 200
    assert "Published" in response.content.decode()
    assert contributor.get(status_path, {"step": "withdraw"}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = contributor.post(status_path, {"action": "withdraw"}, follow=True)
    assert "Your story has been erased" in response.content.decode()
    assert not StoryPage.objects.filter(pk=story.pk).exists()
    # Someone tries a made-up link, and the real one once more after the withdrawal.
    assert Client().get("/en/stories/status/made-up-token-0123456789/").status_code == 404
    assert Client().get(link, follow=True).status_code == 200
    assert Client().get(status_path).status_code == 403  # no session: the link is needed

    logged = all_logs.text()
    # The capture works: Wagtail's own lines and the access log are there, and the request
    # that exchanged the link for a session is logged without its token.
    assert "Published" in logged
    assert '"GET /en/stories/status/[token]/ HTTP/1.1" 303' in logged
    assert '"POST /en/stories/status/ HTTP/1.1" 200' in logged
    for secret in (CONTRIBUTOR_EMAIL, token, TITLE, SENTENCE, "made-up-token-0123456789"):
        assert secret not in logged, secret
    assert "safety.reviewer@example.invalid" not in logged
