"""Where uploaded media live and how readers get them (imported by base.py).

Two set-ups, chosen by ``AWS_STORAGE_BUCKET_NAME``:

- **Local disk** (unset, the default): files under ``MEDIA_ROOT``, served at ``/media/`` by
  Openly's own small media view (home/media.py) in every environment, production included.
  Varnish sits between readers and gunicorn and keeps those answers like any public
  response, so images work with no other server; a reverse proxy may serve the public
  folders from disk itself as an optimisation (deploy/nginx/openly.conf), and
  ``OPENLY_SERVE_MEDIA=0`` turns the view off then. Documents are never served from
  ``/media/``: Wagtail's document view serves them (it checks collection privacy).
- **Object storage** (set): S3 or any S3-compatible service through django-storages, with
  ``AWS_S3_ENDPOINT_URL``, ``AWS_S3_REGION_NAME``, ``AWS_ACCESS_KEY_ID`` and
  ``AWS_SECRET_ACCESS_KEY``. Two storages over one bucket:

  - ``default`` (original images, documents, story pictures, avatars): private. Its URLs
    are signed and expire (``AWS_QUERYSTRING_EXPIRE``, an hour), which only the admin and a
    contributor's own data download use; documents stream through Wagtail's document view.
  - ``renditions`` (``WAGTAILIMAGES_RENDITION_STORAGE``, the ``images/`` folder): the
    resized copies public pages show, under plain unsigned URLs, optionally on a CDN
    (``AWS_S3_CUSTOM_DOMAIN``). Pages are kept whole by Varnish for up to a day
    (stale-if-error), longer than any signature would last, and a signed URL would differ
    on every render; rendition names are unique, so the bucket lets anyone read
    ``images/*`` (a bucket policy, see README) and nothing else.

  The Content-Security-Policy must allow the storage's origin for images: unless
  ``OPENLY_MEDIA_ORIGINS`` names them, they are worked out from the same settings the
  storages use (``media_origins``).

``media_settings(environ)`` returns every setting, so tests can build exactly what
production builds from a given environment.
"""

import os
from urllib.parse import urlsplit

# Local-disk folders the media view serves (home/media.py): Wagtail's image originals and
# renditions and the admin's avatars. Everything else under MEDIA_ROOT stays private:
# documents (Wagtail's document view enforces their collections' privacy), the health
# check's probe files, anything a future upload field writes.
PUBLIC_MEDIA_FOLDERS = ("images", "original_images", "avatar_images")

_RENDITIONS_CACHE_CONTROL = "public, max-age=604800"


def _flag(environ, name, default):
    value = environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _items(environ, name):
    return [item.strip() for item in environ.get(name, "").split(",") if item.strip()]


def media_origins(bucket, endpoint_url="", region="", addressing_style="", custom_domain=""):
    """The origins object-storage URLs are made with (for the Content-Security-Policy):
    the CDN's, and the bucket's own as botocore addresses it (path style on a custom
    endpoint unless told ``virtual``, a virtual host on AWS unless told ``path``)."""
    origins = []
    if custom_domain:
        origins.append(f"https://{custom_domain}")
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        if addressing_style == "virtual":
            origins.append(f"{parts.scheme}://{bucket}.{parts.netloc}")
        else:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    elif addressing_style == "path":
        origins.append(
            f"https://s3.{region}.amazonaws.com" if region else "https://s3.amazonaws.com"
        )
    else:
        origins.append(f"https://{bucket}.s3.amazonaws.com")
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins


def _object_storages(environ, bucket):
    """The two S3 storages (see the module docstring) and what goes with them."""
    # Imported only when object storage is asked for: botocore is heavy, and a site on
    # local disk never needs it.
    from botocore.config import Config

    endpoint_url = environ.get("AWS_S3_ENDPOINT_URL", "").strip().rstrip("/")
    region = environ.get("AWS_S3_REGION_NAME", "").strip()
    addressing_style = environ.get("AWS_S3_ADDRESSING_STYLE", "").strip().lower()
    custom_domain = environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip().strip("/")
    shared = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        # Never replace a file that has the same name: an upload named like an existing
        # one gets a name of its own (django-storages' default would overwrite it).
        "file_overwrite": False,
    }
    private = {
        **shared,
        "querystring_auth": True,
        "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
    }
    public = {
        **shared,
        "querystring_auth": False,
        "custom_domain": custom_domain or None,
        # Renditions never change under their name; readers' browsers may keep them a week.
        "object_parameters": {"CacheControl": _RENDITIONS_CACHE_CONTROL},
    }
    return {
        # A setting, not an option of each storage: Wagtail deletes files in a background
        # task that carries the storage's options as JSON, which a Config object is not.
        # A storage that does not answer must not hold a request for minutes (botocore's
        # defaults: 60 s to connect, 60 s to read, retried up to four times).
        "AWS_S3_CLIENT_CONFIG": Config(
            s3={"addressing_style": addressing_style or "auto"},
            signature_version="s3v4",
            connect_timeout=float(environ.get("AWS_S3_CONNECT_TIMEOUT", "5")),
            read_timeout=float(environ.get("AWS_S3_READ_TIMEOUT", "30")),
            retries={"max_attempts": 3, "mode": "standard"},
        ),
        "MEDIA_STORAGES": {
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": private},
            "renditions": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": public},
        },
        "WAGTAILIMAGES_RENDITION_STORAGE": "renditions",
        "OPENLY_MEDIA_ORIGINS": _items(environ, "OPENLY_MEDIA_ORIGINS")
        or media_origins(bucket, endpoint_url, region, addressing_style, custom_domain),
    }


def media_settings(environ=os.environ):
    """Every media setting for ``environ`` (the process environment by default)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    values = {
        "MEDIA_URL": "/media/",
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "OPENLY_PUBLIC_MEDIA_FOLDERS": PUBLIC_MEDIA_FOLDERS,
        # Documents always go through Wagtail's document view, from disk or from the bucket:
        # it checks the collection's privacy, sends them as attachments (inline only for
        # PDFs and the like) with their own strict policy, and never hands out a bucket URL.
        "WAGTAILDOCS_SERVE_METHOD": "serve_view",
    }
    if bucket:
        values.update(_object_storages(environ, bucket))
        values["OPENLY_SERVE_MEDIA"] = False
    else:
        values.update(
            {
                "MEDIA_STORAGES": {
                    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
                },
                "OPENLY_MEDIA_ORIGINS": _items(environ, "OPENLY_MEDIA_ORIGINS"),
                "OPENLY_SERVE_MEDIA": _flag(environ, "OPENLY_SERVE_MEDIA", True),
            }
        )
    return values


# This process's media settings, for base.py's star import (and security.py's policy).
_current = media_settings()
globals().update(_current)
__all__ = sorted(_current)
