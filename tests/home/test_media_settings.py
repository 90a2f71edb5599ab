"""The media settings an environment makes (site/settings/media.py): local disk served by
Openly, or two S3 storages over one bucket (private originals and documents, public
renditions), and a Content-Security-Policy that allows the origins the storages really
link to (issue 13, point 2). No network: URLs are made (and signed) locally."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils.module_loading import import_string

from openly.settings.media import media_origins, media_settings

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"AWS_ACCESS_KEY_ID": "example-key", "AWS_SECRET_ACCESS_KEY": "example-secret"}


def test_local_disk_is_the_default_and_openly_serves_it():
    made = media_settings({})

    assert made["MEDIA_STORAGES"] == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    }
    assert made["OPENLY_SERVE_MEDIA"] is True
    assert made["OPENLY_MEDIA_ORIGINS"] == []
    assert "documents" not in made["OPENLY_PUBLIC_MEDIA_FOLDERS"]
    assert made["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert "WAGTAILIMAGES_RENDITION_STORAGE" not in made
    # The reverse proxy serves the folders itself.
    assert media_settings({"OPENLY_SERVE_MEDIA": "0"})["OPENLY_SERVE_MEDIA"] is False


def test_a_bucket_makes_private_originals_and_public_renditions():
    made = media_settings({"AWS_STORAGE_BUCKET_NAME": "openly-media"})
    default = made["MEDIA_STORAGES"]["default"]
    renditions = made["MEDIA_STORAGES"][made["WAGTAILIMAGES_RENDITION_STORAGE"]]

    assert default["BACKEND"] == renditions["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["querystring_auth"] is True
    assert renditions["OPTIONS"]["querystring_auth"] is False
    assert default["OPTIONS"]["file_overwrite"] is False
    assert renditions["OPTIONS"]["object_parameters"]["CacheControl"].startswith("public")
    assert made["OPENLY_SERVE_MEDIA"] is False
    assert made["OPENLY_MEDIA_ORIGINS"] == ["https://openly-media.s3.amazonaws.com"]
    # Wagtail hands a storage's options to a background task as JSON (file deletion), and
    # no secret may travel with them.
    for storage in made["MEDIA_STORAGES"].values():
        options = json.dumps(storage["OPTIONS"])
        assert "secret" not in options.lower() and "key" not in options.lower()
    timeouts = made["AWS_S3_CLIENT_CONFIG"]
    assert timeouts.connect_timeout <= 10 and timeouts.read_timeout <= 60


ENVIRONMENTS = [
    {"AWS_S3_REGION_NAME": "eu-west-3"},
    {"AWS_S3_REGION_NAME": "eu-west-3", "AWS_S3_ADDRESSING_STYLE": "path"},
    {"AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.example", "AWS_S3_REGION_NAME": "fr-par"},
    {"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
    {"AWS_S3_ENDPOINT_URL": "https://minio.example.org:9443", "AWS_S3_ADDRESSING_STYLE": "virtual"},
    {"AWS_S3_ENDPOINT_URL": "https://s3.example.org", "AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_the_policy_allows_every_origin_the_storages_link_to(environment, settings, monkeypatch):
    for key, value in KEYS.items():
        monkeypatch.setenv(key, value)
    made = media_settings({"AWS_STORAGE_BUCKET_NAME": "openly-media", **environment})
    settings.AWS_S3_CLIENT_CONFIG = made["AWS_S3_CLIENT_CONFIG"]

    for alias, config in made["MEDIA_STORAGES"].items():
        storage = import_string(config["BACKEND"])(**config["OPTIONS"])
        url = storage.url("images/photo.fill-10x10.jpg")
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        assert origin in made["OPENLY_MEDIA_ORIGINS"], (alias, url, made["OPENLY_MEDIA_ORIGINS"])
        assert ("X-Amz-Signature=" in url) is (alias == "default"), (alias, url)
    if "AWS_S3_CUSTOM_DOMAIN" in environment:
        assert made["OPENLY_MEDIA_ORIGINS"][0] == "https://media.example.org"


def test_named_origins_win_over_worked_out_ones():
    made = media_settings(
        {"AWS_STORAGE_BUCKET_NAME": "openly-media", "OPENLY_MEDIA_ORIGINS": "https://cdn.example"}
    )
    assert made["OPENLY_MEDIA_ORIGINS"] == ["https://cdn.example"]
    assert media_origins("b", "http://127.0.0.1:9000") == ["http://127.0.0.1:9000"]


def _production(environment):
    """What openly.settings.production makes of ``environment``: storages, the public
    policy's img-src, and whether /media/ is routed."""
    script = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.urls import Resolver404, resolve\n"
        "try:\n"
        "    routed = resolve('/media/images/a.png').url_name == 'media'\n"
        "except Resolver404:\n"
        "    routed = False\n"
        "print(json.dumps({\n"
        "    'storages': {k: v['BACKEND'] for k, v in settings.STORAGES.items()},\n"
        "    'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],\n"
        "    'admin_img_src': settings.OPENLY_ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']"
        "['img-src'],\n"
        "    'routed': routed,\n"
        "}))\n"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "OPENLY_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "openly.settings.production",
            "SECRET_KEY": "media-settings-test-" + "k" * 40,
            "OPENLY_MAIL_DISABLED": "1",
            **environment,
        }
    )
    done = subprocess.run(  # noqa: S603 - this interpreter with a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_production_on_local_disk_routes_media_to_openly():
    made = _production({})

    assert made["storages"]["default"] == "django.core.files.storage.FileSystemStorage"
    assert made["routed"] is True
    assert made["img_src"] == ["'self'"]


def test_production_with_a_bucket_uses_it_and_allows_its_origin():
    made = _production(
        {"AWS_STORAGE_BUCKET_NAME": "openly-media", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}
    )

    assert made["storages"]["default"] == "storages.backends.s3.S3Storage"
    assert made["storages"]["renditions"] == "storages.backends.s3.S3Storage"
    assert made["routed"] is False
    assert "http://127.0.0.1:9000" in made["img_src"]
    assert "http://127.0.0.1:9000" in made["admin_img_src"]
