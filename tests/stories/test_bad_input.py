"""Bad input never gives a 500 and never leaves anything half-saved."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from campaigns.stories.models import ContributorRecord, StoryPage
from tests.stories.conftest import form_data, image_bytes, open_link

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b onmouseover="x()">bold</b>'


def assert_nothing_saved():
    assert StoryPage.objects.count() == 0
    assert ContributorRecord.objects.count() == 0
    assert get_image_model().objects.count() == 0


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("body", ""),
        ("body", "Too short."),
        ("title", "x" * 121),
        ("body", "y" * 8001),
        ("display_name", "z" * 41),
        ("email", "not-an-email"),
        ("email", "a" * 250 + "@example.invalid"),
        ("title", "Hello\x00world"),
        ("body", "A story with a NUL byte \x00 hidden inside it, long enough to pass."),
        ("display_name", "Mi\x00ra"),
        ("age_range", "1000"),
        ("country", "XX"),
        ("topics", "does-not-exist"),
        ("content_notes", "nonsense"),
        ("name_choice", "celebrity"),
    ],
)
def test_bad_fields_give_a_clear_message_and_save_nothing(client, roles, field, value):
    response = client.post("/en/stories/share/", form_data(**{field: value}))
    assert response.status_code == 400
    assert "Please check your answers" in response.content.decode()
    assert_nothing_saved()


def test_text_at_the_limit_is_accepted_with_crlf_counted_once(client, roles):
    body = ("line\r\n" * 1600)[:8000]
    assert len(body.replace("\r\n", "\n")) <= 8000 < len(body) + 1
    response = client.post("/en/stories/share/", form_data(body=body))
    assert response.status_code == 303


def test_html_and_script_are_stored_and_shown_escaped(client, roles):
    from tests.stories.conftest import publish_story

    fields = {
        "title": "Title " + SCRIPT,
        "body": "My story " + SCRIPT + " and more words to pass the minimum length here.",
        "display_name": "<i>Mira</i>",
        "image_alt": SCRIPT,
    }
    assert client.post("/en/stories/share/", form_data(**fields)).status_code == 303
    story = StoryPage.objects.get()
    assert "<script>" not in story.body
    assert "&lt;script&gt;" in story.body
    publish_story(story)
    html = client.get(story.url).content.decode()
    assert "<script>alert" not in html
    assert "<i>Mira</i>" not in html
    assert "&lt;i&gt;Mira&lt;/i&gt;" in html
    listing = client.get("/en/stories/").content.decode()
    assert "<script>alert" not in listing


def test_html_in_rejected_form_is_echoed_escaped(client, roles):
    response = client.post("/en/stories/share/", form_data(title=SCRIPT, body="short"))
    html = response.content.decode()
    assert response.status_code == 400
    assert '<script>alert("x")' not in html
    assert_nothing_saved()


def test_300_fields_are_refused_clearly(client, roles):
    data = form_data()
    data.update({f"extra{i}": "x" for i in range(300)})
    response = client.post("/en/stories/share/", data)
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert_nothing_saved()


def test_20_mb_body_is_refused_clearly(client, roles):
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (20 * 1024 * 1024), "image/jpeg")
    response = client.post("/en/stories/share/", {**form_data(), "image": big})
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert_nothing_saved()


def _upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"GIF89a" + b"\x00" * 100, "photo.jpg"),  # claims JPEG, is not
        (b"%PDF-1.4 not an image", "photo.png"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "photo.webp"),
        (image_bytes("GIF"), "animation.gif"),
        (image_bytes("BMP"), "photo.jpg"),
        (image_bytes("JPEG")[:60], "truncated.jpg"),
    ],
)
def test_files_that_are_not_allowed_images_are_refused(client, roles, content, name):
    before = media_files()
    response = client.post(
        "/en/stories/share/", {**form_data(image_alt="A tree"), "image": _upload(content, name)}
    )
    assert response.status_code == 400
    assert "picture" in response.content.decode().lower()
    assert_nothing_saved()
    assert media_files() == before


def test_decompression_bomb_is_refused(client, roles):
    buffer = io.BytesIO()
    PILImage.new("1", (20000, 20000)).save(buffer, format="PNG")  # 400 megapixels, tiny file
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    response = client.post(
        "/en/stories/share/",
        {**form_data(image_alt="A tree"), "image": _upload(buffer.getvalue(), "bomb.png")},
    )
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    assert_nothing_saved()


def test_image_needs_alt_text(client, roles):
    response = client.post(
        "/en/stories/share/", {**form_data(), "image": _upload(image_bytes("PNG"), "a.png")}
    )
    assert response.status_code == 400
    assert "describe the picture" in response.content.decode().lower()
    assert_nothing_saved()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_allowed_images_are_kept_without_exif_or_gps(client, roles, fmt):
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}  # GPS position
    content = image_bytes(fmt, exif=exif.tobytes())
    with PILImage.open(io.BytesIO(content)) as original:
        assert original.getexif()
    # The extension lies: the type comes from the content.
    response = client.post(
        "/en/stories/share/",
        {**form_data(image_alt="A green square"), "image": _upload(content, "me-at-home.gif")},
    )
    assert response.status_code == 303
    story = StoryPage.objects.get()
    assert story.image_alt == "A green square"
    stored = story.image.file
    assert "me-at-home" not in stored.name
    stored.open("rb")
    with PILImage.open(stored) as cleaned:
        assert cleaned.format == fmt
        assert not cleaned.getexif()
        assert "exif" not in cleaned.info
    stored.close()


def test_database_failure_keeps_nothing_and_says_so(client, roles, monkeypatch):
    from django.db import DatabaseError

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(ContributorRecord, "save", fail)
    before = media_files()
    response = client.post(
        "/en/stories/share/",
        {**form_data(image_alt="A tree"), "image": _upload(image_bytes("PNG"), "a.png")},
    )
    assert response.status_code == 503
    assert "Nothing was kept" in response.content.decode()
    assert "Learning to ask for help" in response.content.decode()  # their text is kept
    assert_nothing_saved()
    assert media_files() == before


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_do_not_break(client, roles, method):
    response = getattr(client, method)("/en/stories/share/")
    assert response.status_code < 500
    assert_nothing_saved()


def test_bad_status_post_actions_do_not_break(client, submitted):
    _story, _record, link = submitted
    url = open_link(client, link)
    for data in [{"action": "approve", "revision": "abc"}, {"action": "nonsense"}, {}]:
        assert client.post(url, data).status_code < 500
    response = client.post(url, {"action": "edit", "title": "", "body": "\x00"})
    assert response.status_code == 200
    assert "Please check your answers" in response.content.decode()


def test_20_mb_upload_with_csrf_checks_on_is_refused_clearly(roles):
    """As in production: the CSRF middleware reads the body before the view runs."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    token = browser.get("/forms/token/?form=story-share").json()["csrfmiddlewaretoken"]
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (20 * 1024 * 1024), "image/jpeg")
    response = browser.post(
        "/en/stories/share/", {**form_data(), "csrfmiddlewaretoken": token, "image": big}
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert_nothing_saved()


def test_20_mb_upload_without_a_token_is_refused_clearly_too(roles):
    from django.test import Client

    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (20 * 1024 * 1024), "image/jpeg")
    response = Client(enforce_csrf_checks=True).post(
        "/en/stories/share/", {**form_data(), "image": big}
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert_nothing_saved()


def test_20_mb_of_form_text_never_gives_a_500(roles):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = browser.post(
        "/en/stories/share/",
        "body=" + "x" * (20 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )
    assert 400 <= response.status_code < 500
    assert_nothing_saved()
