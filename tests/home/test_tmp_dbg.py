import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.bulk_site import HOST, World
from tests.queries import warm_count
pytestmark = pytest.mark.django_db

def show(client, url):
    warm_count(client, url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    print("\n==", len(ctx.captured_queries))
    for q in ctx.captured_queries: print("   ", q["sql"][:160])

def test_dbg(locales):
    w = World(); w.add(5)
    c = Client(HTTP_HOST=HOST)
    show(c, "/en/")
    w.add(35)
    show(c, "/en/")
