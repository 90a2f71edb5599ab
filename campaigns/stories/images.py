"""Checking and cleaning images that contributors upload with their story.

The type is sniffed from the file's content (never its name), size and pixel counts are
limited before decoding, and the picture is re-encoded so no metadata survives: EXIF
(including GPS position), XMP, comments and colour-profile text are all dropped.
"""

import io
import logging
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

from campaigns.stories.conf import story_settings

logger = logging.getLogger(__name__)

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SUBMISSIONS_COLLECTION = "Story submissions"


def max_bytes():
    """The largest picture file a contributor may upload, in bytes."""
    return story_settings.IMAGE_MAX_BYTES


def max_pixels():
    """The most pixels (width times height) an uploaded picture may have."""
    return story_settings.IMAGE_MAX_PIXELS


def clean_upload(upload):
    """Validate an uploaded file and return a metadata-free ImageFile, or raise
    ValidationError with a message for the contributor."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("The picture is too large. Please choose one under %(size)s MB.")
            % {"size": max_bytes() // (1024 * 1024)}
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns about moderately large images; treat that as a refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(_("Please choose a JPEG, PNG or WebP picture."))
                if width * height > max_pixels() or width < 1 or height < 1:
                    raise ValidationError(
                        _("The picture has too many pixels. Please choose a smaller one.")
                    )
                probe.load()
                picture = ImageOps.exif_transpose(probe)
                clean = _strip(picture, image_format)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The picture has too many pixels. Please choose a smaller one.")
        ) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("We could not read this picture. Please choose a JPEG, PNG or WebP file.")
        ) from error
    extension = ALLOWED_FORMATS[image_format]
    # A random name: the original file name may carry the contributor's name.
    return ImageFile(clean, name=f"story-{secrets.token_hex(8)}.{extension}")


def _strip(picture, image_format):
    """Re-encode ``picture`` from its pixels only."""
    if image_format == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    elif picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        picture = picture.convert("RGBA")
    fresh = Image.new(picture.mode, picture.size)
    if picture.mode == "P":
        fresh.putpalette(picture.getpalette())
    fresh.paste(picture)
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": 88}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}
    fresh.save(buffer, format=image_format, **options[image_format])
    buffer.seek(0)
    return buffer


def _submissions_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SUBMISSIONS_COLLECTION).first()
    return existing or root.add_child(name=SUBMISSIONS_COLLECTION)


def save_submission_image(cleaned_file):
    """Store a cleaned upload as a Wagtail image in the "Story submissions" collection."""
    image = get_image_model()(
        title="Story submission picture", collection=_submissions_collection()
    )
    image.file = cleaned_file
    image.save()
    return image


def delete_stored_file(name):
    """Remove a picture file whose database row was rolled back (best effort)."""
    if not name:
        return
    storage = get_image_model()._meta.get_field("file").storage
    try:
        storage.delete(name)
    except Exception:  # noqa: BLE001 - any storage's failure: OSError on disk, botocore's on S3
        # Called while a failed submission is being answered: the contributor must get
        # that answer, not this error.
        logger.warning("Could not remove an unsaved story picture file")
