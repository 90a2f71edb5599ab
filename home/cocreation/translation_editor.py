"""What Openly adds to wagtail-localize's translation editor: the way forward first.

The editor's footer is drawn by wagtail-localize's script from the view's ``props``; its
largest button is the last action it lists, which for a translator (who may not publish) is
"Delete". So the template (templates/wagtail_localize/admin/edit_translation.html, extending
wagtail-localize's own) renders a bar of ours with

- how much is translated ("12 of 40 segments (30%) translated"), and while the review lasts,
  the figure it was sent with (home.cocreation.translation_progress), for the reviewers;
- "Submit translation for review" as the main action (translation_review.js also places it
  first in the footer, drawn as the main button, and draws the footer's own buttons as
  secondary ones);
- "Delete", taken out of the footer (``perms.canDelete`` off in the props) and offered in
  the bar as a small secondary link to Wagtail's delete view, which asks for confirmation;
- for a reviewer of the translation, "Approve" and "Request changes", and for its
  translator, what a review that sent it back asked for (home.cocreation.translation_decisions);
- wagtail-localize's dates in the admin user's language (home.cocreation.localised_dates).
"""

import json
from dataclasses import dataclass

from home.cocreation.localised_dates import localise_editor_dates
from home.cocreation.translation_decisions import ReviewChoice, SentBack, review_choice, sent_back
from home.cocreation.translation_progress import Progress, progress_of, submitted_progress
from home.cocreation.translation_review import can_submit_translation, submit_url


@dataclass(frozen=True)
class EditorState:
    """Everything the bar shows, worked out once per request."""

    props: str  # wagtail-localize's props, with its footer's Delete removed
    progress: Progress | None
    submitted: Progress | None  # the figure the review in progress was asked with
    in_review: bool
    submit_url: str | None  # set when this user may send it for review now
    delete_url: str | None  # set when this user may delete it
    review: ReviewChoice | None  # set when this user decides on it now
    sent_back: SentBack | None  # set while changes are requested
    source_language: str
    language: str


def editor_state(user, translation, instance, props):
    """The bar's content for ``user`` editing ``translation`` (of ``instance``), and the
    editor's ``props`` (JSON, as wagtail-localize built them) without the footer's Delete and
    with its dates in the active language."""
    data = localise_editor_dates(json.loads(props), translation, instance)
    perms = data.get("perms", {})
    delete_url = data.get("links", {}).get("deleteUrl") if perms.get("canDelete") else None
    if delete_url:
        perms["canDelete"] = False
    in_review = bool(getattr(instance, "workflow_in_progress", False))
    return EditorState(
        props=json.dumps(data),
        progress=progress_of(translation),
        submitted=submitted_progress(instance) if in_review else None,
        in_review=in_review,
        submit_url=submit_url(instance) if can_submit_translation(instance, user) else None,
        delete_url=delete_url,
        review=review_choice(instance, user),
        sent_back=sent_back(instance),
        source_language=translation.source.locale.get_display_name(),
        language=translation.target_locale.get_display_name(),
    )
