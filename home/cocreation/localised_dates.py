"""The dates wagtail-localize's translation editor shows, in the admin user's language.

wagtail-localize writes them with ``strftime`` ("%-d %B %Y", in UTC): English month names in
a French admin ("Traduit manuellement le 29 November 2026"), and the UTC day rather than
the admin's. They reach the editor in two ways, both passing through Openly first:

- the props its view renders (the object's last publication, and each translated string's
  note "Translated manually on …"), which Openly's template rewrites
  (home.cocreation.translation_editor);
- the answer of its endpoint that saves one string (the note of the string just saved),
  served at its own path by Openly (home.cocreation.wagtail_hooks), wrapped by
  ``with_localised_note``.

The notes are worded again here, through Openly's catalogues (complete in every admin
language, which wagtail-localize's are not), with the date through Django's formats in the
active language and the admin's time zone.
"""

import functools

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def localised_date(value):
    """``value`` (an aware datetime) as a date in the active language's format."""
    return date_format(timezone.localtime(value), "DATE_FORMAT")


def translation_note(string_translation):
    """wagtail-localize's note on how and when a string was translated
    (``StringTranslation.get_comment``), in the active language."""
    date = localised_date(string_translation.updated_at)
    if string_translation.tool_name:
        return _("Translated with %(tool)s on %(date)s") % {
            "tool": string_translation.tool_name,
            "date": date,
        }
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on %(date)s") % {"date": date}
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on %(date)s") % {"date": date}
    return None


def _last_published_at(instance):
    """When ``instance`` was last published, as wagtail-localize's view works it out."""
    if isinstance(instance, Page):
        if instance.live_revision_id:
            return instance.live_revision.created_at
        return instance.last_published_at
    if isinstance(instance, DraftStateMixin) and instance.live_revision_id:
        return instance.live_revision.created_at
    return None


def _localise_notes(translation, entries):
    """Reword the note of each serialised string translation in ``entries`` (they name
    their segment) in the active language: two queries, however many strings."""
    segments = {
        pk: (string_id, context_id)
        for pk, string_id, context_id in StringSegment.objects.filter(
            pk__in={entry.get("segment_id") for entry in entries}
        ).values_list("pk", "string_id", "context_id")
    }
    found = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context_id__in={context_id for _string_id, context_id in segments.values()},
    )
    by_segment_key = {(st.translation_of_id, st.context_id): st for st in found}
    for entry in entries:
        key = segments.get(entry.get("segment_id"))
        string_translation = by_segment_key.get(key) if key else None
        if string_translation is not None:
            entry["comment"] = translation_note(string_translation)


def localise_editor_dates(props, translation, instance):
    """wagtail-localize's editor ``props`` (decoded) with every date in the active
    language."""
    obj = props.get("object", {})
    if obj.get("lastPublishedDate"):
        published = _last_published_at(instance)
        obj["lastPublishedDate"] = localised_date(published) if published else None
    entries = props.get("initialStringTranslations") or []
    if entries:
        _localise_notes(translation, entries)
    return props


def with_localised_note(view):
    """Wrap wagtail-localize's endpoint that saves a string so that the note it answers
    with reads in the active language."""

    @functools.wraps(view)
    def wrapped(request, *args, translation_id, **kwargs):
        response = view(request, *args, translation_id=translation_id, **kwargs)
        data = getattr(response, "data", None)
        if request.method == "PUT" and isinstance(data, dict) and "segment_id" in data:
            _localise_notes(Translation.objects.get(pk=translation_id), [data])
        return response

    return wrapped
