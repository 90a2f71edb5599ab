"""sitemap.xml and robots.txt for search engines."""

import pytest

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_language(client, translated_home):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
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
