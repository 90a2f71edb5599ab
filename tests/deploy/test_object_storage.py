"""Media in S3-compatible object storage (django-storages), against moto in server mode on
127.0.0.1 (tests/s3.py), with exactly the storages production builds from the environment
(site/settings/media.py): images, renditions, documents and story pictures go to the bucket,
pages link the public renditions at the bucket, originals only under signed URLs, documents
stream through Wagtail's document view, and deleting removes the objects (issue 13, point 2).

Without moto the module is skipped on a developer's machine (pip install moto[server]) but
fails on CI (CI=true), so a skip never hides a failure there.
"""

import io
import os
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from botocore.exceptions import EndpointConnectionError
from bs4 import BeautifulSoup
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Site

from campaigns.stories import images as story_images
from home.cocreation.roles import setup_roles
from home.models import SiteSettings
from openly.settings.media import media_settings
from tests import s3
from tests.stories.conftest import form_data, image_bytes
from tests.stories.factories import StoryIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.object_storage]


@pytest.fixture(scope="module")
def endpoint():
    if not s3.moto_installed():
        if os.environ.get("CI"):
            pytest.fail("The object-storage tests need moto (pip install 'moto[server]')")
        pytest.skip("moto is not installed (pip install 'moto[server]')")
    with s3.running_moto() as url:
        yield url


@pytest.fixture
def bucket(endpoint, settings, monkeypatch):
    """A fresh bucket, and Openly's media storages pointed at it as production would be."""
    name = f"openly-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(endpoint, name)
    environment = s3.environment(endpoint, name)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # never look for a cloud
    made = media_settings(environment)
    settings.STORAGES = {**made["MEDIA_STORAGES"], "staticfiles": settings.STORAGES["staticfiles"]}
    settings.AWS_S3_CLIENT_CONFIG = made["AWS_S3_CLIENT_CONFIG"]
    settings.WAGTAILIMAGES_RENDITION_STORAGE = made["WAGTAILIMAGES_RENDITION_STORAGE"]
    settings.WAGTAILDOCS_SERVE_METHOD = made["WAGTAILDOCS_SERVE_METHOD"]
    # Wagtail reads the rendition storage once, when its models load: give the field the
    # storage production's settings would have given it then.
    monkeypatch.setattr(
        Rendition._meta.get_field("file"),
        "storage",
        storages[made["WAGTAILIMAGES_RENDITION_STORAGE"]],
    )
    return name


def fetch(url):
    """(status, content type, body) of an anonymous GET, as a reader's browser would send."""
    assert urlsplit(url).hostname == "127.0.0.1", url  # never anywhere else
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def test_images_and_renditions_are_objects_and_pages_link_the_bucket(
    client, endpoint, bucket, home_page
):
    image = wagtail_factories.ImageFactory(file__filename="hero.jpg")
    home_page.hero_image = image
    home_page.hero_image_alt = "People talking on a bench"
    home_page.save_revision().publish()
    SiteSettings.for_site(Site.objects.get())

    page = client.get("/en/")
    assert page.status_code == 200
    src = BeautifulSoup(page.content, "html.parser").select_one("img.hero__image")["src"]

    stored = s3.keys(endpoint, bucket)
    assert image.file.name in stored
    assert image.file.name.startswith("original_images/")
    rendition = image.renditions.get()
    assert rendition.file.name.startswith("images/") and rendition.file.name in stored
    # The page links the rendition in the bucket, with a plain URL (no signature to expire
    # while Varnish keeps the page), and a reader gets it from there.
    assert src == f"{endpoint}/{bucket}/{rendition.file.name}"
    status, kind, body = fetch(src)
    assert status == 200 and kind == "image/jpeg"
    assert PILImage.open(io.BytesIO(body)).size == (rendition.width, rendition.height)
    # The original is private (the bucket policy opens renditions only): only a signed,
    # expiring URL reads it.
    assert "X-Amz-Signature=" in image.file.url
    assert fetch(image.file.url)[0] == 200
    assert fetch(f"{endpoint}/{bucket}/{image.file.name}")[0] == 403
    # Nothing went to local disk.
    assert not rendition.file.storage.__class__.__name__.startswith("FileSystem")


def test_documents_are_objects_served_by_wagtails_document_view(client, endpoint, bucket):
    document = wagtail_factories.DocumentFactory(
        file=SimpleUploadedFile("annual-report.txt", b"Mental Health Week report")
    )

    assert document.file.name.startswith("documents/")
    assert document.file.name in s3.keys(endpoint, bucket)
    response = client.get(document.url)
    assert response.status_code == 200  # streamed from the bucket, not a redirect to it
    assert b"".join(response.streaming_content) == b"Mental Health Week report"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_story_picture_shared_through_the_form_is_an_object(client, endpoint, bucket, home_page):
    StoryIndexPageFactory(parent=home_page)
    setup_roles()
    upload = SimpleUploadedFile("mira-at-home.jpg", image_bytes("JPEG"), "image/jpeg")

    response = client.post("/en/stories/share/", {**form_data(image_alt="A tree"), "image": upload})

    assert response.status_code == 303
    picture = get_image_model().objects.get()
    assert picture.file.name.startswith("original_images/story-")
    assert "mira" not in picture.file.name
    assert picture.file.name in s3.keys(endpoint, bucket)


def test_deleting_removes_the_objects(endpoint, bucket, django_capture_on_commit_callbacks):
    image = wagtail_factories.ImageFactory()
    rendition = image.get_rendition("fill-20x20")
    names = {image.file.name, rendition.file.name}
    assert names <= s3.keys(endpoint, bucket)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert not names & s3.keys(endpoint, bucket)


def test_a_story_pictures_file_left_by_a_rollback_is_removed(endpoint, bucket):
    picture = story_images.save_submission_image(
        story_images.clean_upload(SimpleUploadedFile("a.png", image_bytes("PNG"), "image/png"))
    )
    name = picture.file.name
    assert name in s3.keys(endpoint, bucket)

    story_images.delete_stored_file(name)

    assert name not in s3.keys(endpoint, bucket)


def test_health_checks_the_bucket(client, bucket):
    response = client.get("/health/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200, response.content


def test_a_bucket_that_cannot_be_reached_never_breaks_the_story_cleanup(
    endpoint, bucket, monkeypatch, caplog
):
    """The clean-up after a failed submission runs while the contributor's answer is being
    made: a storage error (botocore's are no OSError) is logged, not raised."""
    storage = storages["default"]  # what the image field's default storage stands for

    def unreachable(name):
        raise EndpointConnectionError(endpoint_url=endpoint)

    monkeypatch.setattr(storage, "delete", unreachable)

    story_images.delete_stored_file("original_images/story-0123456789abcdef.png")

    assert "Could not remove an unsaved story picture file" in caplog.text
