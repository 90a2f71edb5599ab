"""Media on local disk, served by Openly itself (home/media.py) in every environment: the
public folders only, nothing outside MEDIA_ROOT, no listings, the right type, nosniff, a
strict policy of its own and a long public cache life (issue 13, point 2)."""

import os
from email.utils import formatdate

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Site

from home import media
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def media_root(tmp_path, settings):
    """An empty MEDIA_ROOT inside a folder that also holds a secret beside it."""
    root = tmp_path / "media"
    (root / "images").mkdir(parents=True)
    (root / "original_images").mkdir()
    (root / "documents").mkdir()
    (tmp_path / "secret.txt").write_text("outside MEDIA_ROOT")
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def site(home_page):
    SiteSettings.for_site(Site.objects.get())
    return home_page


def test_a_rendition_is_served_with_its_type_and_a_long_public_life(client, media_root, site):
    (media_root / "images" / "picture.fill-10x10.png").write_bytes(PNG)

    response = client.get("/media/images/picture.fill-10x10.png")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=604800", "s-maxage=31536000"} <= cache_control
    assert response["Last-Modified"]
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy


def test_an_original_image_is_served_and_answers_head_and_if_modified_since(
    client, media_root, site
):
    original = media_root / "original_images" / "photo.jpg"
    original.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")

    head = client.head("/media/original_images/photo.jpg")
    assert head.status_code == 200
    assert head["Content-Type"] == "image/jpeg"

    later = formatdate(os.stat(original).st_mtime + 60, usegmt=True)
    again = client.get("/media/original_images/photo.jpg", HTTP_IF_MODIFIED_SINCE=later)
    assert again.status_code == 304
    assert client.post("/media/original_images/photo.jpg").status_code == 405


def test_a_file_that_is_no_image_is_only_ever_a_download(client, media_root, site):
    (media_root / "images" / "page.html").write_text("<script>alert(1)</script>")
    (media_root / "images" / "drawing.svg").write_text("<svg><script>alert(1)</script></svg>")

    html = client.get("/media/images/page.html")
    svg = client.get("/media/images/drawing.svg")

    assert html.status_code == 200
    assert html["Content-Type"] == "application/octet-stream"
    assert html["Content-Disposition"].startswith("attachment")
    # An SVG is an image, but opened on its own its scripts never run.
    assert svg["Content-Type"] == "image/svg+xml"
    assert "sandbox" in svg["Content-Security-Policy"]
    assert "script-src" not in svg["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../../secret.txt",
        "/media/images/%2e%2e/%2e%2e/secret.txt",
        "/media/images/..%2f..%2fsecret.txt",
        "/media/images/%2fetc/passwd",
        "/media/images/..\\..\\secret.txt",
        "/media/..%2fsecret.txt",
        "/media/images/",
        "/media/images",
        "/media/",
        "/media/images/.hidden.png",
        "/media/documents/report.pdf",
        "/media/health_check/probe.txt",
        "/media/images/missing.png",
        "/media/images/link-out.png",
        "/media/images/folder-link/secret.txt",
    ],
)
def test_nothing_else_is_served(client, media_root, site, path):
    """Traversal, listings, hidden files, documents (their privacy is Wagtail's document
    view's to check), other folders and links that lead out of MEDIA_ROOT: all 404."""
    (media_root / "images" / ".hidden.png").write_bytes(PNG)
    (media_root / "documents" / "report.pdf").write_bytes(b"%PDF-1.4 private")
    (media_root / "health_check").mkdir()
    (media_root / "health_check" / "probe.txt").write_text("probe")
    (media_root / "images" / "link-out.png").symlink_to(media_root.parent / "secret.txt")
    (media_root / "images" / "folder-link").symlink_to(media_root.parent)

    # A path no media route takes goes the way of any unknown address: to the language's
    # version of it, which does not exist either.
    response = client.get(path, follow=True)

    assert response.status_code == 404, (path, response.status_code)
    if hasattr(response, "streaming_content"):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    assert b"outside MEDIA_ROOT" not in body
    assert b"private" not in body


def test_public_file_refuses_what_the_url_router_would_never_send():
    assert media.public_file("/etc/passwd") is None
    assert media.public_file("images") is None
    assert media.public_file("images/a\x00.png") is None


def test_wagtail_images_and_their_renditions_work_from_disk(media_root, site):
    """What a page links to answers: a rendition Wagtail made, and its original."""
    image = wagtail_factories.ImageFactory()
    rendition = image.get_rendition("fill-40x30")
    assert rendition.url.startswith("/media/images/")
    anonymous = Client()

    for url in (rendition.url, image.file.url):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/")
        assert "public" in response["Cache-Control"]


def test_signed_in_editors_get_private_copies(admin_client, media_root, site):
    (media_root / "images" / "picture.png").write_bytes(PNG)

    response = admin_client.get("/media/images/picture.png")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_an_image_on_a_page_is_the_served_file(client, media_root, home_page):
    """The home page's hero picture points at /media/, and that address answers."""
    image = wagtail_factories.ImageFactory()
    home_page.hero_image = image
    home_page.hero_image_alt = "A walk in the park"
    home_page.save_revision().publish()
    SiteSettings.for_site(Site.objects.get())

    page = client.get("/en/")
    src = BeautifulSoup(page.content, "html.parser").select_one("img.hero__image")["src"]

    assert src.startswith("/media/images/")
    assert client.get(src).status_code == 200
    assert get_image_model().objects.count() == 1
