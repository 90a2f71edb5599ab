"""Subject access: everything Openly holds about one story contributor, as one JSON file,
and erasure on request.

The contributor downloads the file from their private status page (only with the private
session their link opened); a story moderator exports the same file, or erases the
contributor's data, in the admin when the person asks by other means. One builder
(``contributor_data``) makes the file for both, so they can never disagree, and it reads
only this record and the pages of its own story: nothing about reviewers or other people.
Each download, export and erasure is written to the audit log, naming the record and (in
the admin) the acting user, never anything the record holds.

The file's keys are plain English words, the same in every language, so that a person can
read it and a program can too (data portability); the values the site words for people
(states, consents, email kinds) are in the reader's language.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, ngettext
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from campaigns.stories import lifecycle, status_session
from campaigns.stories.constants import (
    CONTENT_NOTE_LABELS,
    DATA_DOWNLOAD_ACTION,
    DATA_ERASE_ACTION,
    DATA_EXPORT_ACTION,
)
from campaigns.stories.forms import CONSENT_VERSION, ShareStoryForm
from campaigns.stories.models.contributor import ContributorRecord
from campaigns.stories.models.story import StoryPage
from campaigns.stories.responses import private
from campaigns.stories.text import html_to_text

CONSENTS = ["consent_process", "consent_publish", "consent_translate", "consent_contact"]


# --- The file -----------------------------------------------------------------------------


def contributor_data(record, request=None):
    """Everything held about the contributor of ``record``, as a dict ready for JSON: the
    record (email, language, each consent with its wording version and time, state, the
    reviewers' message, dates), the story as it stands in each language with every saved
    version (by the contributor or by our team, never naming anyone), the emails sent to
    them (kind, state, dates) and the audit entries about the record and the story (what
    and when, never who). ``request`` makes the picture's and the story's addresses
    absolute."""
    record = ContributorRecord.objects.select_related("page").get(pk=record.pk)
    pages = _story_pages(record)
    return {
        "About this file": gettext(
            "Everything Openly holds about you and the story you shared, made on your "
            "request. Dates and times are in UTC. It names nobody else: versions and "
            "entries by our team say only that our team made them."
        ),
        "Made at": _when(timezone.now()),
        "Your record": _record_data(record),
        "Your story": [_story_data(page, record, request) for page in pages],
        "Emails sent to you": [
            _delivery_data(delivery) for delivery in record.deliveries.order_by("created_at")
        ],
        "Audit log": _audit_entries(record, pages),
    }


def _when(moment):
    return moment.isoformat() if moment else None


def _story_pages(record):
    """The story's page in every language (only the source language's page has a record)."""
    if record.page is None:
        return []
    return list(
        StoryPage.objects.filter(translation_key=record.page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )


def _record_data(record):
    consent_wording = {}
    if record.consent_version == CONSENT_VERSION:
        # The words the person ticked, when the form still shows the version they saw.
        consent_wording = {name: ShareStoryForm.base_fields[name].label for name in CONSENTS}
    consents = []
    for name in CONSENTS:
        consent = {
            "Consent": str(ContributorRecord._meta.get_field(name).help_text),
            "Given": getattr(record, name),
            "Wording version": record.consent_version,
            "Given at": _when(record.consented_at),
        }
        if name in consent_wording:
            consent["Wording"] = str(consent_wording[name])
        consents.append(consent)
    return {
        "Email address": record.email or None,
        "Language": record.language,
        "Status": str(record.get_state_display()),
        "Message from our reviewers": record.reviewer_message,
        "Consents": consents,
        "Shared at": _when(record.submitted_at),
        "Last changed at": _when(record.updated_at),
        "Withdrawn at": _when(record.withdrawn_at),
        "Closed at": _when(record.closed_at),
        "Private link works until": _when(record.token_expires_at),
        "Private link": gettext(
            "Kept only as a one-way code: nobody at Openly can read your link back from it."
        ),
    }


def _story_data(page, record, request):
    """One language's version of the story as it stands (its latest saved version), and
    every version saved of it."""
    current = page.get_latest_revision_as_object()
    image = current.image
    if image is None:
        picture = gettext("No picture")
    else:
        url = image.file.url
        picture = {
            "File": request.build_absolute_uri(url) if request else url,
            "Description": current.image_alt,
        }
    return {
        "Language": page.locale.language_code,
        "Title": current.title,
        "Text": html_to_text(current.body),
        "Display name": current.display_name,
        "Age range": str(current.get_age_range_display()) or None,
        "Country": str(current.country.name) if current.country else None,
        "Topics": [topic.name for topic in current.topics.all()],
        "Content notes": [
            str(CONTENT_NOTE_LABELS[key])
            for key in current.content_notes
            if key in CONTENT_NOTE_LABELS
        ],
        "Picture": picture,
        "Published": page.live,
        "First published at": _when(page.first_published_at),
        "Address": page.get_full_url(request) if page.live else None,
        "Versions": _versions(page, record),
    }


def _versions(page, record):
    """Every saved version of ``page``, oldest first. The contributor's own versions are
    saved without a user (submission and their edits, on their story's own page); any
    other is our team's, and whose is never said."""
    by_you, by_team = gettext("You"), gettext("Our team")
    versions = []
    for revision in page.revisions.order_by("created_at", "pk"):
        content = revision.content
        own = revision.user_id is None and page.pk == record.page_id
        versions.append(
            {
                "Saved at": _when(revision.created_at),
                "By": by_you if own else by_team,
                "Approved by you": revision.pk == record.contributor_revision_id,
                "Published version": revision.pk == page.live_revision_id,
                "Title": content.get("title", ""),
                "Text": html_to_text(content.get("body") or ""),
                "Display name": content.get("display_name", ""),
            }
        )
    return versions


def _delivery_data(delivery):
    return {
        "Kind": str(delivery.get_kind_display()),
        "State": str(delivery.get_state_display()),
        "Queued at": _when(delivery.created_at),
        "Last attempt at": _when(delivery.last_attempt_at),
        "Finished at": _when(delivery.finished_at),
        "Attempts": delivery.attempts,
    }


def _audit_entries(record, pages):
    """What the audit log holds about the record and the story's pages: when and what,
    never who (entries by our team name a member of it) and never the entry's label (a
    page entry keeps the title it had)."""
    entries = list(ModelLogEntry.objects.for_instance(record).only("action", "timestamp"))
    if pages:
        entries += PageLogEntry.objects.filter(page__in=pages).only("action", "timestamp")
    entries.sort(key=lambda entry: entry.timestamp)
    return [{"At": _when(entry.timestamp), "What": _action_label(entry)} for entry in entries]


def _action_label(entry):
    formatter = log_registry.get_formatter(entry)
    return str(formatter.label) if formatter else entry.action


def data_response(data):
    """``data`` as a private UTF-8 JSON download: never cached, indexed or referred."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    # The name says nothing about the person: the file may sit in a shared download folder.
    filename = f"openly-story-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return private(response)


# --- The contributor's download -----------------------------------------------------------


def download(page, request):
    """The contributor's "Download my data" (a POST from their status page, with the
    private session their link opened): the file, and an audit entry. Without the session:
    the closed status page; a GET goes back to the status page."""
    record = status_session.record_for(request)
    if record is None:
        response = TemplateResponse(
            request, "pages/story_status_closed.html", {"page": page}, status=403
        )
        return private(response)
    if request.method != "POST":
        response = HttpResponseRedirect(page.subpage_url(request, "status_page"))
        response.status_code = 303
        return private(response)
    data = contributor_data(record, request)
    # No user: the contributor is not one. The entry names the record only.
    log(instance=record, action=DATA_DOWNLOAD_ACTION, user=None)
    return data_response(data)


# --- Story moderators ---------------------------------------------------------------------


def export_for(record, user, request=None):
    """The file for a story moderator to hand to the contributor who asked, in the
    contributor's language, with an audit entry naming ``user``. Returns the download
    response."""
    with translation.override(record.language or settings.LANGUAGE_CODE):
        data = contributor_data(record, request)
    log(instance=record, action=DATA_EXPORT_ACTION, user=user)
    return data_response(data)


def erasure_summary(record):
    """What "Erase now" erases for ``record``, in the words the confirmation page shows.
    Kept beside ``erase_on_request`` so the two change together."""
    pages = _story_pages(record)
    versions = sum(page.revisions.count() for page in pages)
    items = []
    if pages:
        items.append(
            ngettext(
                "The story in %(count)d language, with its translation sources and its "
                "search index entries.",
                "The story in %(count)d languages, with their translation sources and their "
                "search index entries.",
                len(pages),
            )
            % {"count": len(pages)}
        )
        items.append(
            ngettext(
                "%(count)d saved version of the story.",
                "%(count)d saved versions of the story.",
                versions,
            )
            % {"count": versions}
        )
        if any(page.image_id for page in pages):
            items.append(gettext("The story's picture and every resized copy of it."))
        if any(page.live for page in pages):
            items.append(gettext("The published story: it is taken off the site at once."))
    items.append(
        gettext(
            "The email address, and the consents to publish, translate and contact; the "
            "story can never be published again."
        )
    )
    return items


def erase_on_request(record, user):
    """Erase the contributor's data on their request, as their own withdrawal does, and
    write an audit entry naming ``user`` (the entry first, in the same transaction: the
    erasure may remove the record). The one place the admin erases a record."""
    with transaction.atomic():
        log(instance=record, action=DATA_ERASE_ACTION, user=user)
        return lifecycle.withdraw(record)
