"""Serving uploaded media from local disk, in production too (``/media/…``).

Why a view of Openly's own: Varnish sits between readers and gunicorn, and keeps any
response marked public. A small view that marks images public for a long time therefore
makes them work with no other server (no nginx ``alias``, no shared folder on a CDN), and
Varnish answers nearly every request for them after the first. A reverse proxy may still
serve the same folders from disk itself as an optimisation (deploy/nginx/openly.conf shows
how); ``OPENLY_SERVE_MEDIA=0`` then turns this view off. With object storage
(``AWS_STORAGE_BUCKET_NAME``) images come from the bucket and this view is not routed.

What it serves, and how:
- Only regular files inside the public folders (``OPENLY_PUBLIC_MEDIA_FOLDERS``: Wagtail's
  renditions and originals, the admin's avatars) under ``MEDIA_ROOT``, after every symbolic
  link is resolved: ``..``, absolute paths, hidden names, folders (no listing) and links
  that lead elsewhere all answer 404. Documents are not among them: Wagtail's document view
  serves those, after checking their collection's privacy.
- With the type its name says when that is an image type; any other file as an
  ``application/octet-stream`` attachment. ``X-Content-Type-Options: nosniff`` always, and a
  Content-Security-Policy of its own, stricter than the pages' (nothing loads, scripts never
  run), so even an SVG opened on its own can do nothing.
- Public for a week in browsers and for a year in Varnish: Wagtail never reuses a file's
  name while the file exists (a rendition's name carries its filter and focal point), and
  every change to an image bans Varnish. Last-Modified and If-Modified-Since work.
"""

import mimetypes
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from home.http_cache import public

IMAGE_TYPES = {
    "image/avif",
    "image/gif",
    "image/heic",
    "image/jpeg",
    "image/png",
    "image/svg+xml",
    "image/webp",
}
BROWSER_MAX_AGE = 60 * 60 * 24 * 7
SHARED_MAX_AGE = 60 * 60 * 24 * 365
# Nothing an image needs: it is shown either way, and an SVG's scripts never run.
MEDIA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"


def public_file(relative):
    """The file under MEDIA_ROOT that ``relative`` (a URL path after MEDIA_URL) may serve,
    or None."""
    parts = PurePosixPath(relative).parts
    if (
        len(parts) < 2
        or parts[0] not in settings.OPENLY_PUBLIC_MEDIA_FOLDERS
        or any(part in ("", ".", "..") or part.startswith((".", "/")) for part in parts)
        or "\\" in relative
        or "\x00" in relative
    ):
        return None
    root = Path(settings.MEDIA_ROOT).resolve()
    folder = root / parts[0]
    try:
        path = root.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not path.is_relative_to(folder) or not path.is_file():
        return None
    return path


def content_type(path):
    """(content type, served as an attachment?) for the file at ``path``."""
    guessed, encoding = mimetypes.guess_type(path.name)
    if guessed in IMAGE_TYPES and encoding is None:
        return guessed, False
    return "application/octet-stream", True


@require_safe
def serve_media(request, path):
    """One public media file from local disk (see the module docstring)."""
    found = public_file(path)
    if found is None:
        raise Http404
    stat = found.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        response = HttpResponseNotModified()
    else:
        kind, attachment = content_type(found)
        response = FileResponse(
            found.open("rb"),
            content_type=kind,
            as_attachment=attachment,
            filename=found.name,
        )
    response.headers["Last-Modified"] = http_date(stat.st_mtime)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = MEDIA_POLICY
    return public(response, max_age=BROWSER_MAX_AGE, shared_max_age=SHARED_MAX_AGE)
