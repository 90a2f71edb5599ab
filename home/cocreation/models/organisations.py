"""Partner organisations (the unit of co-creation), the content they own, and who translates
and reviews which language."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.cocreation.roles import PARTNER_EDITORS, PARTNER_LEADS
from home.cocreation.signals import organisations_deleting


class PartnerOrganisationQuerySet(models.QuerySet):
    """Partner organisations; deleting them deletes their own pages first (through the
    ``organisations_deleting`` signal, which the partners app answers)."""

    def delete(self):
        """Delete the organisations' sections the way Wagtail deletes pages (keeping the
        page tree sound), then the organisations. Other pages an organisation owns still
        protect it: then nothing is deleted."""
        with transaction.atomic():
            organisations_deleting.send(sender=self.model, organisations=self)
            return super().delete()


class PartnerOrganisation(index.Indexed, models.Model):
    """An NGO, health authority or ministry of the coalition: the unit of co-creation.

    Saving one sets it up (home.cocreation.organisations, connected to post_save): its
    editors and leads groups, its media collection and its section, its own page under "Our
    partners" (made by the partners app). A section deleted by hand is created again the
    next time the organisation is saved."""

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text=_(
            "The organisation's name. Its page on the site starts with this title; renaming "
            "the organisation later does not change what its editors wrote there."
        ),
        verbose_name=_("Name"),
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_("A short web-address name, e.g. 'mind-europe'."),
        verbose_name=_("Slug"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional logo, shown on the content the organisation runs."),
        verbose_name=_("Logo"),
    )
    country = CountryField(
        help_text=_("Where the organisation is based."), verbose_name=_("Country")
    )
    website = models.URLField(
        blank=True, help_text=_("The organisation's web address."), verbose_name=_("Website")
    )
    description = models.TextField(
        blank=True,
        help_text=_(
            "Two or three sentences about what the organisation does. They start its page's "
            "summary on the site; after that its editors keep the page up to date."
        ),
        verbose_name=_("Description"),
    )
    # Set up automatically when the organisation is saved (see organisations.py): the
    # groups whose members are its editors and leads, the collection for its media and
    # its section page.
    editors_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="edited_organisation",
    )
    leads_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="led_organisation",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
    )
    section = models.OneToOneField(
        # A reference by name only: the partners app makes and keeps the section
        # (home.cocreation imports nothing from it).
        "partners.PartnerPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="section_of",
        help_text=_(
            "The organisation's own page on the site, created with it. Its editors write it; "
            "renaming the organisation does not change it."
        ),
    )

    objects = PartnerOrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_partnerorganisation"
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            organisations_deleting.send(
                sender=type(self), organisations=type(self).objects.filter(pk=self.pk)
            )
            return super().delete(*args, **kwargs)

    def add_editor(self, user):
        """Make ``user`` an editor of this organisation (and give them the editor role)."""
        self._add_member(user, lead=False)

    def add_lead(self, user):
        """Make ``user`` a lead of this organisation (and give them the lead role)."""
        self._add_member(user, lead=True)

    def _add_member(self, user, lead):
        if self.editors_group_id is None:
            self.save()  # saving sets the organisation up, groups included
        role = Group.objects.get_or_create(name=PARTNER_LEADS if lead else PARTNER_EDITORS)[0]
        user.groups.add(self.leads_group if lead else self.editors_group, role)
        # Forget the memberships cached on the user for this request (organisations.py).
        for attribute in ("_openly_organisation_ids", "_openly_lead_organisation_ids"):
            if hasattr(user, attribute):
                delattr(user, attribute)


class OrganisationOwnedMixin(models.Model):
    """Content that belongs to one partner organisation: its editors may edit it, and its
    lead reviews it. Add to campaign, resource and event pages."""

    organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The partner organisation responsible for this page. Its editors can edit the "
            "page and its lead reviews it before publication."
        ),
        verbose_name=_("Organisation"),
    )

    organisation_panels = [FieldPanel("organisation")]

    class Meta:
        abstract = True


class LocaleAssignment(models.Model):
    """Gives a person a language to work in: translators may only edit pages and snippets in
    the languages assigned to them; reviewers approve translations into their language."""

    TRANSLATOR = "translator"
    REVIEWER = "reviewer"
    ROLE_CHOICES = [
        (TRANSLATOR, _("Translator: translates into this language")),
        (REVIEWER, _("Reviewer: approves translations into this language")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="locale_assignments",
        help_text=_("The person who works in this language."),
        verbose_name=_("User"),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language they translate into or review."),
        verbose_name=_("Language"),
    )
    role = models.CharField(
        max_length=20,
        choices=ROLE_CHOICES,
        default=TRANSLATOR,
        help_text=_("Translators write translations; reviewers approve them before they go live."),
        verbose_name=_("Role"),
    )

    panels = [FieldPanel("user"), FieldPanel("locale"), FieldPanel("role")]

    class Meta:
        db_table = "home_localeassignment"
        unique_together = [("user", "locale", "role")]
        ordering = ["locale__language_code", "role"]
        verbose_name = _("language assignment")
        verbose_name_plural = _("language assignments")

    def __str__(self):
        return f"{self.user} – {self.locale.get_display_name()} ({self.get_role_display()})"
