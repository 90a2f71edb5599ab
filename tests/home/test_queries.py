"""Public pages run a fixed number of queries, whatever the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CrisisHelplineFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_get_help_queries_do_not_grow_with_helplines(client, get_help_page):
    CrisisHelplineFactory.create_batch(2, country="FR")
    count_queries(client, "/en/get-help/")  # warm the site-root cache
    few = count_queries(client, "/en/get-help/")
    CrisisHelplineFactory.create_batch(40, country="DE")
    CrisisHelplineFactory.create_batch(40, country="UA")
    assert count_queries(client, "/en/get-help/") == few


def test_home_queries_do_not_grow_with_menu_pages(client, home_page):
    StandardPageFactory.create_batch(2, parent=home_page, show_in_menus=True)
    count_queries(client, "/en/")
    few = count_queries(client, "/en/")
    StandardPageFactory.create_batch(30, parent=home_page, show_in_menus=True)
    assert count_queries(client, "/en/") == few
