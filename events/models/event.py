"""The event page (its sessions, speakers and action points are in events.models.inline)."""

from functools import partial
from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Subquery
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events.blocks import EventDescriptionBlock
from events.choices import (
    TIME_ZONE_CHOICES,
    EventFormat,
    EventStatus,
    LinkVisibility,
    Registration,
)
from events.detail import event_detail_context
from events.forms import EventPageForm, session_errors
from events.ics import calendar_response
from events.models.participation import EventParticipation
from events.models.report import EventReport
from events.models.schedule import EventSchedule
from events.querysets import EventPageManager
from events.registration import public as registration
from events.session_form import SessionsPanel
from home.cocreation.models import OrganisationOwnedMixin
from home.conditional import conditional_response, fingerprint, newest_of
from home.listing import Vocabulary
from home.models import BasePage, SharedPage
from home.models.bases import ImageWithAltText, audiences_field, image_field, topics_field


def validate_time_zone(value):
    """Accept only IANA time-zone names such as 'Europe/Athens'."""
    if value not in available_timezones():
        raise ValidationError(
            _("'%(value)s' is not a time zone. Choose one from the list, e.g. Europe/Athens."),
            params={"value": value},
        )


class EventPage(
    RoutablePageMixin,
    EventSchedule,
    EventReport,
    EventParticipation,
    OrganisationOwnedMixin,
    SharedPage,
    ImageWithAltText,
    BasePage,
):
    """A Mental Health Week event: a talk, walk, workshop, webinar or policy dialogue, with
    its sessions, place, access information, calendar file and, afterwards, its report."""

    description = StreamField(
        EventDescriptionBlock(),
        blank=True,
        help_text=_("What happens at the event, who it is for and what to expect."),
        verbose_name=_("Description"),
    )
    image = image_field(_("Optional picture shown on the event card and at the top of the page."))
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "If the event is cancelled or postponed, say so here: the page stays online with "
            "a clear notice and calendars that added it are updated."
        ),
        verbose_name=_("Status"),
    )
    status_note = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Optional: a short explanation, e.g. 'Moved to 12 November, same place'."),
        verbose_name=_("Status note"),
    )
    # When and where
    all_day = models.BooleanField(
        default=False,
        help_text=_("Tick for events that last whole days (open days, festivals): no times shown."),
        verbose_name=_("All day"),
    )
    time_zone = models.CharField(
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_(
            "The time zone of the place where the event happens. Enter the session times as "
            "clocks show them there; readers see them in this zone, with its name."
        ),
        verbose_name=_("Time zone"),
    )
    format = models.CharField(
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.IN_PERSON,
        help_text=_("In person needs a venue; online needs a joining link; hybrid needs both."),
        verbose_name=_("Format"),
    )
    venue_name = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("The place's name, e.g. 'Town library'."),
        verbose_name=_("Venue name"),
    )
    address = models.TextField(
        max_length=400,
        blank=True,
        help_text=_("Street address, as people would write it."),
        verbose_name=_("Address"),
    )
    city = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("The town or city. Readers filter events by it, so spell it the usual way."),
        verbose_name=_("City"),
    )
    country = CountryField(
        blank=True,
        help_text=_("The country where the event takes place."),
        verbose_name=_("Country"),
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional map position, e.g. 37.975. Fill in both or neither."),
        verbose_name=_("Latitude"),
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional map position, e.g. 23.735. Fill in both or neither."),
        verbose_name=_("Longitude"),
    )
    online_url = models.URLField(
        blank=True,
        help_text=_("The link to join online (video call or live stream). Needed when online."),
        verbose_name=_("Online URL"),
    )
    online_link_visibility = models.CharField(
        max_length=20,
        choices=LinkVisibility.choices,
        default=LinkVisibility.PUBLIC,
        help_text=_("Who can see the joining link, to keep unwanted visitors out of calls."),
        verbose_name=_("Online link visibility"),
    )
    topics = topics_field("+", _("What the event is about. Readers filter by topic."))
    audiences = audiences_field("+", _("Who the event is for."))
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_(
            "Optional: the campaign this event belongs to, e.g. 'Mental Health Week 2026'. "
            "The campaign's page then lists this event's outcomes."
        ),
        verbose_name=_("Campaign"),
    )
    # Bumped on every publish so calendar apps replace their copy (iCalendar SEQUENCE).
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventPageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("description"),
        *ImageWithAltText.image_panels,
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")], heading=_("Cancelled or postponed?")
        ),
        PageChooserPanel("campaign", page_type="campaigns.CampaignPage"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]
    when_where_panels = [
        MultiFieldPanel(
            [
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
                FieldPanel("all_day"),
                SessionsPanel("sessions", min_num=1, label=_("Session")),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
                FieldPanel("online_link_visibility"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("accessibility"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Languages and access"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("price"),
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("registration_email"),
                FieldPanel("capacity"),
            ],
            heading=_("Cost and registration"),
        ),
    ]
    people_panels = [InlinePanel("speakers", label=_("Speaker or moderator"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(when_where_panels, heading=_("When and where")),
            ObjectList(people_panels, heading=_("Speakers")),
            ObjectList(EventReport.report_panels, heading=_("After the event")),
            ObjectList(SharedPage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("format"),
        index.FilterField("status"),
        *EventReport.report_search_fields,
    ]
    # City and time zone are data, not prose: filters match them across languages.
    override_translatable_fields = [
        SynchronizedField("city"),
        SynchronizedField("time_zone"),
        SynchronizedField("languages"),
        SynchronizedField("accessibility"),
    ]

    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "pages/event_page.html"
    og_type = "website"
    # Read with the page when it is served (home.routing).
    route_select_related = ("organisation", "image")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def has_report(self):
        return bool(
            self.report_key_insights or self.report_outcomes or self.report_documents
        ) or bool(self.report_action_points)

    @cached_property
    def report_action_points(self):
        """The action points with their owners, read once (listings prefetch them)."""
        if "action_points" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.action_points.all())
        return list(self.action_points.select_related("owner"))

    def localized_terms(self, preview=False):
        """(topics, audiences) of the page in the page's language, matched by slug: terms
        not translated (or whose translation is not published) yet keep their source
        name, and terms never published are left out. One query (none in a preview,
        which shows the page's own unsaved choices)."""
        return Vocabulary(self.locale).page_terms(self, preview=preview)

    # -- validation ------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.is_online and not self.online_url:
            errors["online_url"] = _(
                "Online and hybrid events need a joining link. If you do not have it yet, "
                "choose 'Never show it' below and add it later."
            )
        if self.has_venue:
            if not self.venue_name:
                errors["venue_name"] = _("In-person and hybrid events need the venue's name.")
            if not self.city:
                errors["city"] = _("In-person and hybrid events need a city.")
            if not self.country:
                errors["country"] = _("In-person and hybrid events need a country.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Fill in both the latitude and the longitude, or neither.")
        if not self.is_free and not self.price.strip():
            errors["price"] = _("Give the price, or tick 'free' if it costs nothing.")
        if self.registration == Registration.URL and not self.registration_url:
            errors["registration_url"] = _("Give the web address where people register.")
        if self.registration == Registration.EMAIL and not self.registration_email:
            errors["registration_email"] = _("Give the email address people write to register.")
        if errors:
            raise ValidationError(errors)
        problems = session_errors(list(self.sessions.all()), self.zone)
        if problems:
            raise ValidationError(problems)

    # -- revisions and calendars -----------------------------------------------------

    def with_content_json(self, content):
        """Keep the calendar sequence number of the live row when restoring a revision:
        it counts publications, not revisions."""
        page = super().with_content_json(content)
        if self.pk:
            # Read it from the database: `self` may be a stale copy held by a revision.
            stored = type(self).objects.filter(pk=self.pk).values_list("ics_sequence", flat=True)
            page.ics_sequence = stored.first() or 0
        return page

    def bump_sequence(self):
        """Tell calendar apps this event changed (called on every publish, in any
        language). Its sessions keep one UID in every language, so the event and all its
        translations move on together to one number above the highest any of them has."""
        group = type(self).objects.filter(translation_key=self.translation_key)
        highest = group.order_by().values("translation_key").annotate(top=Max("ics_sequence"))
        group.update(ics_sequence=Subquery(highest.values("top")) + 1)
        self.ics_sequence = group.values_list("ics_sequence", flat=True).first()

    # -- views -----------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_detail_context(self, request))
        return context

    @path("")
    def event_detail(self, request):
        return self.render(request)

    @path("register/", name="register")
    def registration_form(self, request):
        """Receives the registration form (events.registration); a GET goes to the form."""
        return registration.handle_register(self, request)

    @path("register/thanks/", name="registration_thanks")
    def registration_thanks(self, request):
        return registration.thanks(self, request)

    @path("registration/cancel/<str:token>/", name="cancel_registration")
    def cancel_registration(self, request, token):
        """A registrant's private cancel link (never cached, never logged)."""
        return registration.cancel(self, request, token)

    @re_path(r"^event\.ics/?$", name="calendar_file")
    def calendar_file(self, request):
        """This event's sessions as an iCalendar file for "Add to calendar" (304 while the
        reader's copy is of the current publication)."""
        # The file carries the joining link only while the page shows it.
        changed = self.joining_link_changed_at()
        etag = fingerprint(request, self.pk, self.last_published_at, self.ics_sequence, changed)
        respond = partial(calendar_response, request, [self], filename=f"{self.slug}.ics")
        return conditional_response(
            request, respond, etag, newest_of(self.last_published_at, changed)
        )
