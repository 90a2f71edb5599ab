"""Counting a page's queries for the query budgets.

Site chrome and Wagtail's site-root paths come from the cache, and a page's first render
may create rows (the site settings, image renditions) whose receivers renew the cached
chrome, so a budget is taken on a warm render: ``warm_count`` renders twice first."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, status=200):
    """The number of queries of one GET of ``url`` (which must answer ``status``)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == status, url
    return len(context.captured_queries)


def warm_count(client, url, status=200):
    """The queries of a render once the caches are warm."""
    count_queries(client, url, status)
    count_queries(client, url, status)
    return count_queries(client, url, status)
