"""The share-your-story form and the contributor's edit form."""

import time

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from campaigns.stories import images
from campaigns.stories.conf import story_settings
from campaigns.stories.constants import (
    AGE_RANGE_CHOICES,
    CONTENT_NOTE_CHOICES,
    STORY_TEXT_MAX_CHARS,
    STORY_TITLE_MAX_CHARS,
)
from campaigns.stories.lifecycle import Submission
from campaigns.stories.tokens import new_status_token
from home.public_forms import trap_field

# Bump the version whenever the consent wording below changes: each record keeps the version
# its contributor agreed to.
CONSENT_VERSION = "2026-11-v1"
FORM_STATE_SALT = "openly.stories.share-form"
FORM_STATE_MAX_AGE = 60 * 60 * 24  # a contributor may take their time, but not days
STORY_TEXT_MIN_CHARS = 50

NAME_CHOICES = [
    ("anonymous", _("Anonymous")),
    ("first_name", _("My first name")),
    ("pseudonym", _("A pseudonym")),
]


def min_fill_seconds():
    """Submissions sent sooner after the form was shown are treated as bots."""
    return story_settings.MIN_FILL_SECONDS


def new_form_state():
    """A signed token carrying when the form was shown and the status token this submission
    will get: a double click or a resubmission then finds the story it already created."""
    return signing.dumps({"t": int(time.time()), "k": new_status_token()}, salt=FORM_STATE_SALT)


def fresh_fields(request=None):
    """The share form's one-time hidden value: a new form state."""
    return {"form_state": new_form_state()}


def read_form_state(value):
    """The (shown-at, status token) pair from a form state, or None if forged or too old."""
    try:
        data = signing.loads(value or "", salt=FORM_STATE_SALT, max_age=FORM_STATE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("k"), str):
        return None
    return data.get("t", 0), data["k"]


class StoryTextField(forms.CharField):
    """Text whose line breaks count once, as the browser's live counter counts them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


def _story_length_help():
    # Translated when the form is shown, in the reader's language; formatting a lazy
    # string at import time would freeze it in English.
    return gettext("Up to %(max)s characters. Leave an empty line between paragraphs.") % {
        "max": STORY_TEXT_MAX_CHARS
    }


class StoryTextMixin(forms.Form):
    title = forms.CharField(
        label=_("Title of your story"),
        max_length=STORY_TITLE_MAX_CHARS,
        help_text=_("A few words, for example 'The day I told my manager'."),
    )
    body = StoryTextField(
        label=_("Your story"),
        min_length=STORY_TEXT_MIN_CHARS,
        max_length=STORY_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 14, "data-story-counter": ""}),
        help_text=lazy(_story_length_help, str)(),
    )


class ShareStoryForm(StoryTextMixin):
    """Everything a contributor tells us. Personal data (email, consents) go to the
    contributor record; the rest becomes a draft story page."""

    name_choice = forms.ChoiceField(
        label=_("How should we sign your story?"),
        choices=NAME_CHOICES,
        initial="anonymous",
        widget=forms.RadioSelect,
    )
    display_name = forms.CharField(
        label=_("First name or pseudonym"),
        max_length=40,
        required=False,
        help_text=_("Only if you chose a first name or pseudonym. Never your full name."),
    )
    age_range = forms.ChoiceField(
        label=_("Your age range (optional)"),
        choices=[("", _("Prefer not to say"))] + AGE_RANGE_CHOICES,
        required=False,
    )
    country = forms.ChoiceField(label=_("Country you live in (optional)"), required=False)
    topics = forms.MultipleChoiceField(
        label=_("What is your story about? (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    content_notes = forms.MultipleChoiceField(
        label=_("Does your story mention any of these? (optional)"),
        help_text=_("We show readers a gentle warning and helplines before such stories."),
        choices=CONTENT_NOTE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    image = forms.FileField(
        label=_("A picture (optional)"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, up to 8 MB. No pictures of injuries. We remove hidden "
            "information such as the place where the photo was taken."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Describe the picture"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see it. Needed if you add a picture."),
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        max_length=254,
        help_text=_(
            "We send you the private link to your story's status page. It is never published."
        ),
    )
    consent_process = forms.BooleanField(
        label=_(
            "I agree that Openly stores my story and, if I give it, my email address, and "
            "that a small team of trained reviewers reads it. My story may include "
            "information about my health."
        ),
        error_messages={"required": _("We need this consent to look after your story.")},
    )
    consent_publish = forms.BooleanField(
        label=_(
            "I agree that my story, signed as I chose above, is published on this website "
            "after review. I can withdraw it at any time."
        ),
        error_messages={"required": _("We can only share stories we may publish.")},
    )
    consent_translate = forms.BooleanField(
        label=_("I agree that my story is translated into other languages (optional)."),
        required=False,
    )
    consent_contact = forms.BooleanField(
        label=_("I agree to be contacted by email about my story (optional)."),
        required=False,
    )
    website = trap_field()
    form_state = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = list(topic_choices)
        self.fields["country"].choices = [("", _("Prefer not to say"))] + list(countries)
        # No form state when the form is first shown: that page is the same for every
        # reader, and each reader's state comes from fresh_fields (home.public_forms).
        self.status_token = None

    def keep_answers_with_fresh_state(self):
        """Keep the contributor's answers but never a stale or invalid form state, so the
        form shown again can be sent. Returns the form."""
        if "form_state" in self.errors:
            data = self.data.copy()
            data["form_state"] = new_form_state()
            self.data = data
        return self

    @property
    def looks_automated(self):
        """Whether the errors are the ones bots make (trap field, instant or forged form)."""
        return bool({"website", "form_state"} & set(self.errors))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Please leave this field empty."))
        return ""

    def clean_form_state(self):
        state = read_form_state(self.cleaned_data.get("form_state"))
        if state is None:
            raise ValidationError(
                _("This form is too old. Please check your answers and send it again.")
            )
        shown_at, token = state
        if time.time() - shown_at < min_fill_seconds():
            raise ValidationError(
                _("That was very quick. Please check your answers and send the form again.")
            )
        self.status_token = token
        return self.cleaned_data["form_state"]

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return images.clean_upload(upload)

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("name_choice")
        name = (cleaned.get("display_name") or "").strip()
        if choice in ("first_name", "pseudonym") and not name:
            self.add_error("display_name", _("Please write the name to sign with."))
        if choice == "anonymous":
            cleaned["display_name"] = ""
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Please describe the picture in a few words."))
        if cleaned.get("consent_contact") and not cleaned.get("email"):
            self.add_error("email", _("Give an email address if you want us to contact you."))
        return cleaned

    def submission(self, topics):
        """The valid answers as the lifecycle's Submission. ``topics`` maps topic slugs to
        the story section's topics; chosen slugs not in it are left out."""
        data = self.cleaned_data
        return Submission(
            title=data["title"],
            body=data["body"],
            consent_version=CONSENT_VERSION,
            consent_process=data["consent_process"],
            consent_publish=data["consent_publish"],
            consent_translate=data["consent_translate"],
            consent_contact=data["consent_contact"],
            display_name=data["display_name"],
            age_range=data["age_range"],
            country=data["country"],
            email=data["email"],
            content_notes=tuple(data["content_notes"]),
            topics=tuple(topics[slug] for slug in data["topics"] if slug in topics),
            image=data["image"],
            image_alt=data["image_alt"],
        )


class EditStoryForm(StoryTextMixin):
    """The contributor's own edit of their story before publication."""


class RequestLinkForm(forms.Form):
    """The one field of "ask for your link again": the address the story was shared with."""

    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_(
            "The address you gave when you shared your story. If we hold a story for it, we "
            "send a new private link there."
        ),
        error_messages={
            "required": _("Enter the email address you gave when you shared your story."),
            "invalid": _("Enter a whole email address, like name@example.org."),
        },
    )
