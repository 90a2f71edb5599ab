"""Helpers for tests of forms on public pages (home.public_forms): a browser with Django's
CSRF check on, the values js/forms.js would fetch, and the hidden values of a form shown
again."""

import re

from django.test import Client

HIDDEN = re.compile(r'<input type="hidden" name="([\w-]+)" value="([^"]*)"')


def browser():
    """A client that, like a browser, is held to the CSRF check."""
    return Client(enforce_csrf_checks=True)


def fetched_tokens(client, form):
    """What js/forms.js fetches for ``form`` before the form is sent."""
    response = client.get(f"/forms/token/?form={form}")
    assert response.status_code == 200
    return response.json()


def hidden_values(html, selector):
    """{name: value} of the hidden fields of the form whose opening tag contains
    ``selector`` in ``html``."""
    start = html.index(selector)
    form = html[start : html.index("</form>", start)]
    return dict(HIDDEN.findall(form))
