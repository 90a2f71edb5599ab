"""Every public page type with 50, 500 and 5,000 items of each content type (campaigns,
resources, stories, events; up to 20,000 pages): queries and render times of a page
render without any page cache, the site chrome cached (each request is timed after a
warm-up render). Sitemap sections are cached by design: their cold render is timed too.

The content is built in bulk (tests.bulk) on a site of its own, inside a transaction
that is rolled back at the end, so the modules after this one see the database as it
was. Content of the modules before it (bench_events' 5,000 events) is unpublished for
the duration, since listings and the home page read every page of their language. (The
runner imports this module once Django is set up, so models import at the top.)
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from wagtail.models import Page

from tests.bulk_site import HOST, World

SIZES = (50, 500, 5000)


def run(bench):
    started = time.perf_counter()
    previous = bench.client
    bench.client = Client(HTTP_HOST=HOST)
    # The 404 pages measured would log a warning on every render.
    requests_log = logging.getLogger("django.request")
    level = requests_log.level
    requests_log.setLevel(logging.ERROR)
    try:
        with transaction.atomic():
            hidden = Page.objects.filter(depth__gte=3, live=True).update(live=False)
            world = World()
            bench.note(
                f"site set up in {time.perf_counter() - started:.1f}s "
                f"({hidden:,} pages of earlier benchmarks unpublished meanwhile)"
            )
            built = 0
            for size in SIZES:
                started = time.perf_counter()
                world.add(size - built)
                built = size
                bench.note(
                    f"{size:,} of each content type ({Page.objects.filter(live=True).count():,}"
                    f" live pages): built in {time.perf_counter() - started:.1f}s"
                )
                measure(bench, world, size)
            transaction.set_rollback(True)
    finally:
        requests_log.setLevel(level)
        bench.client = previous
        # Cached chrome, sitemaps and site root paths name rows that are rolled back.
        cache.clear()


def measure(bench, world, size):
    """Every public page type at this size, then each section's sitemap warm and cold."""
    for label, url in world.urls():
        bench.measure(label, url, items=size)
    for section in ("home", "campaigns", "stories", "events", "partners"):
        url = f"/sitemap-{section}-en.xml"
        bench.measure(f"sitemap {section}-en", url, items=size)
        cache.clear()
        bench.measure(f"sitemap {section}-en, cold cache", url, repeats=1, items=size, warm=False)
