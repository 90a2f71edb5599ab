"""Public pages run a fixed number of queries, whatever the amount of content. Site chrome
comes from the cache, so a page's second render is cheaper than its first; adding content
retires the cached chrome, so each count is taken on a warm render after the change."""

import pytest

from tests.factories import CrisisHelplineFactory, StandardPageFactory
from tests.queries import count_queries, warm_count

pytestmark = pytest.mark.django_db


def test_get_help_queries_do_not_grow_with_helplines(client, get_help_page):
    CrisisHelplineFactory.create_batch(2, country="FR")
    few = warm_count(client, "/en/get-help/")
    CrisisHelplineFactory.create_batch(40, country="DE")
    CrisisHelplineFactory.create_batch(40, country="UA")
    assert warm_count(client, "/en/get-help/") == few


def test_home_queries_do_not_grow_with_menu_pages(client, home_page):
    StandardPageFactory.create_batch(2, parent=home_page, show_in_menus=True)
    few = warm_count(client, "/en/")
    StandardPageFactory.create_batch(30, parent=home_page, show_in_menus=True)
    assert warm_count(client, "/en/") == few


def test_second_render_of_home_reads_the_chrome_from_the_cache(client, get_help_page):
    StandardPageFactory.create_batch(2, parent=get_help_page.get_parent(), show_in_menus=True)
    CrisisHelplineFactory.create_batch(2, country="GB")
    first = count_queries(client, "/en/")
    second = count_queries(client, "/en/")
    # The menu, the banner's helplines and get-help link, the site settings and the
    # locale lookups are no longer read.
    assert second <= first - 5
    assert second <= 6


def test_warm_home_costs_the_same_with_2_and_30_menu_pages_and_helplines(client, get_help_page):
    home = get_help_page.get_parent()
    StandardPageFactory.create_batch(2, parent=home, show_in_menus=True)
    CrisisHelplineFactory.create_batch(2, country="GB")
    few = warm_count(client, "/en/")
    StandardPageFactory.create_batch(28, parent=home, show_in_menus=True)
    CrisisHelplineFactory.create_batch(28, country="GB")
    assert warm_count(client, "/en/") == few
