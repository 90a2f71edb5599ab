"""The fixed vocabularies of event pages, shared by models, forms and feeds."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.querysets import FORMAT_HYBRID, FORMAT_IN_PERSON, FORMAT_ONLINE
from events.zones import offered_zones


class EventFormat(models.TextChoices):
    IN_PERSON = FORMAT_IN_PERSON, _("In person")
    ONLINE = FORMAT_ONLINE, _("Online")
    HYBRID = FORMAT_HYBRID, _("Hybrid (in person and online)")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class LinkVisibility(models.TextChoices):
    PUBLIC = "public", _("Show it on the page at all times")
    NEAR_START = "near_start", _("Show it only from one hour before a session until it ends")
    REGISTERED = "registered", _("Never show it: the organiser sends it to registered people")


class Registration(models.TextChoices):
    NONE = "none", _("No registration: just come along")
    URL = "url", _("Register on a web page")
    EMAIL = "email", _("Register by email")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    PANELLIST = "panellist", _("Panellist")
    FACILITATOR = "facilitator", _("Facilitator")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


ACCESSIBILITY_CHOICES = [
    ("step_free", _("Step-free access")),
    ("accessible_toilet", _("Accessible toilet")),
    ("sign_language", _("Sign language interpretation")),
    ("captions", _("Live captions")),
    ("hearing_loop", _("Hearing loop")),
    ("quiet_space", _("Quiet space")),
    ("easy_read", _("Easy-read materials")),
    ("breaks", _("Regular breaks")),
]

# Languages an event can be held in: the site's languages and other languages of the
# region, each named in itself so speakers recognise it whatever the page language.
LANGUAGE_CHOICES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pl", "Polski"),
    ("el", "Ελληνικά"),
    ("ro", "Română"),
    ("uk", "Українська"),
    ("ar", "العربية"),
    ("nl", "Nederlands"),
    ("pt", "Português"),
    ("hu", "Magyar"),
    ("cs", "Čeština"),
    ("bg", "Български"),
    ("hr", "Hrvatski"),
    ("sv", "Svenska"),
    ("fi", "Suomi"),
    ("ga", "Gaeilge"),
    ("ru", "Русский"),
]

# The zones editors choose from: Europe's, plus its islands and Cyprus, and UTC for online
# events with no home. Current names only (events.zones): Europe/Kyiv, never Europe/Kiev.
_EXTRA_ZONES = {"Atlantic/Canary", "Atlantic/Azores", "Atlantic/Madeira", "Asia/Nicosia"}
TIME_ZONE_CHOICES = [
    (zone, zone.replace("_", " "))
    for zone in offered_zones(lambda name: name.startswith("Europe/") or name in _EXTRA_ZONES)
]
