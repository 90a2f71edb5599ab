"""sitemap.xml and robots.txt for search engines."""

import pytest

from tests.factories import StandardPageFactory
from tests.sitemaps import section_urls, sitemap_text

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_language(client, translated_home):
    xml = sitemap_text(client)
    for code in ("en", "fr", "uk", "ar"):
        assert f"http://localhost/{code}/</loc>" in xml


def test_robots_points_to_the_sitemap_and_hides_private_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /*/stories/status/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_is_an_index_of_one_sitemap_per_section_and_language(
    client, translated_home, django_assert_max_num_queries
):
    StandardPageFactory(parent=translated_home["en"], title="About", slug="about")
    with django_assert_max_num_queries(4):
        index = client.get("/sitemap.xml")
    assert "<sitemapindex" in index.content.decode()
    urls = section_urls(client)
    assert "/sitemap-home-en.xml" in urls and "/sitemap-home-fr.xml" in urls
    english = client.get("/sitemap-home-en.xml").content.decode()
    assert "http://localhost/en/about/</loc>" in english
    assert "http://localhost/fr/</loc>" not in english
    assert client.get("/sitemap-home-xx.xml").status_code == 404
    assert client.get("/sitemap-nonsense.xml").status_code == 404


def test_section_sitemaps_are_cached_until_the_section_changes(
    client, translated_home, django_assert_max_num_queries
):
    page = StandardPageFactory(parent=translated_home["en"], title="About", slug="about")
    first = client.get("/sitemap-home-en.xml").content
    with django_assert_max_num_queries(4):
        assert client.get("/sitemap-home-en.xml").content == first
    page.slug = "about-us"
    page.save_revision().publish()
    assert (
        "http://localhost/en/about-us/</loc>" in client.get("/sitemap-home-en.xml").content.decode()
    )
    StandardPageFactory(parent=translated_home["en"], title="Contact", slug="contact")
    assert "/en/contact/</loc>" in client.get("/sitemap-home-en.xml").content.decode()
