"""Read the whole sitemap as a search engine does: the index at /sitemap.xml, then every
section sitemap it names."""

import re
from urllib.parse import urlsplit

LOC = re.compile(r"<loc>([^<]+)</loc>")


def section_urls(client):
    """The paths of the section sitemaps /sitemap.xml names."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [
        urlsplit(url)._replace(scheme="", netloc="").geturl()
        for url in LOC.findall(response.content.decode())
    ]


def sitemap_text(client):
    """The section sitemaps' XML, one after the other."""
    texts = []
    for url in section_urls(client):
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    return "\n".join(texts)
