"""``{% shared_fragment %}``: parts of a page every reader sees alike are rendered once per
content generation, never for a preview or an answer to a reader's POST."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from home.cache import retire_cached_content

pytestmark = pytest.mark.django_db

FRAGMENT = Template(
    '{% load openly_tags %}{% shared_fragment "test" part %}{{ value }}{% endshared_fragment %}'
)


def render(request, value, part=1):
    return FRAGMENT.render(Context({"request": request, "value": value, "part": part}))


@pytest.fixture
def get(home_page):
    return RequestFactory(HTTP_HOST="localhost").get("/en/")


def test_a_fragment_is_rendered_once_per_content_generation(get):
    assert render(get, "first") == "first"
    assert render(get, "second") == "first"
    retire_cached_content()
    assert render(get, "third") == "third"


def test_each_part_and_language_has_its_own_fragment(get):
    assert render(get, "one", part=1) == "one"
    assert render(get, "two", part=2) == "two"
    with translation.override("fr"):
        assert render(get, "un", part=1) == "un"
    assert render(get, "again", part=1) == "one"


def test_previews_and_posts_are_rendered_afresh(get, home_page):
    render(get, "published")
    preview = RequestFactory(HTTP_HOST="localhost").get("/en/")
    preview.is_preview = True
    assert render(preview, "unsaved change") == "unsaved change"
    post = RequestFactory(HTTP_HOST="localhost").post("/en/")
    assert render(post, "answers") == "answers"
    assert render(get, "later") == "published"


def test_values_are_escaped_once(get):
    assert render(get, "<b>") == "&lt;b&gt;"
    assert render(get, "<i>") == "&lt;b&gt;"
