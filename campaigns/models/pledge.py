"""Signatures of a campaign's pledge, by people or organisations, moderated before they are
listed publicly."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

INDIVIDUAL = "individual"
ORGANISATION = "organisation"
SIGNER_KINDS = [(INDIVIDUAL, _("A person")), (ORGANISATION, _("An organisation"))]

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
MODERATION_STATUSES = [
    (PENDING, _("Waiting for moderation")),
    (APPROVED, _("Approved: listed publicly")),
    (REJECTED, _("Rejected: never listed")),
]


class PledgeSignatureQuerySet(models.QuerySet):
    """Queries for pledge signatures; public views only ever use approved()."""

    def approved(self):
        return self.filter(status=APPROVED)

    def for_campaign(self, campaign):
        """Signatures of a campaign in any language: translations share one pledge."""
        return self.filter(campaign__translation_key=campaign.translation_key)

    def counts_by_country(self):
        """[(country code, count)], largest first, in one query."""
        rows = self.values("country").annotate(total=Count("pk")).order_by("-total", "country")
        return [(row["country"], row["total"]) for row in rows]


class PledgeSignature(models.Model):
    """One signature of a campaign pledge.

    The email is optional, only kept with its own consent, and never shown publicly: public
    pages only read name, organisation, commitment and country of approved signatures."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        on_delete=models.CASCADE,
        related_name="pledge_signatures",
        help_text=_("The campaign whose pledge was signed."),
        verbose_name=_("Campaign"),
    )
    kind = models.CharField(
        max_length=20,
        choices=SIGNER_KINDS,
        default=INDIVIDUAL,
        help_text=_("Whether a person or an organisation signed."),
        verbose_name=_("Kind"),
    )
    name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The name to show publicly. Empty means the person signed anonymously."),
        verbose_name=_("Name"),
    )
    organisation_website = models.URLField(
        blank=True,
        help_text=_("For organisations: their web address."),
        verbose_name=_("Organisation website"),
    )
    commitment = models.TextField(
        blank=True,
        max_length=500,
        help_text=_("For organisations: what they commit to, in a sentence or two."),
        verbose_name=_("Commitment"),
    )
    country = CountryField(help_text=_("The country the signer is in."), verbose_name=_("Country"))
    partner_organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledge_signatures",
        help_text=_(
            "For organisations that are partners on this site: which one signed. Once the "
            "signature is approved, the organisation gets a draft commitment page where its "
            "editors write their action plan."
        ),
        verbose_name=_("Partner organisation"),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("Only kept when the signer agreed to be contacted. Never shown publicly."),
        verbose_name=_("Email"),
    )
    email_consent = models.BooleanField(
        default=False,
        help_text=_("The signer agreed to be contacted about the campaign at this email."),
        verbose_name=_("Email consent"),
    )
    status = models.CharField(
        max_length=20,
        choices=MODERATION_STATUSES,
        default=PENDING,
        db_index=True,
        help_text=_("Only approved signatures are counted and listed publicly."),
        verbose_name=_("Status"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    # A random token put in the form when it is shown: a second submission of the same form
    # (a double click, a resend) finds the first signature instead of making a new one.
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)

    objects = PledgeSignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pledge signature")
        verbose_name_plural = _("pledge signatures")

    def __str__(self):
        return self.public_name

    def clean(self):
        super().clean()
        if self.partner_organisation_id and self.kind != ORGANISATION:
            raise ValidationError(
                {
                    "partner_organisation": _(
                        "A person signed this, not an organisation: leave the partner "
                        "organisation empty."
                    )
                }
            )

    @property
    def is_organisation(self):
        return self.kind == ORGANISATION

    @property
    def public_name(self):
        """What the public list shows: the name, or 'Anonymous'."""
        return self.name or str(_("Anonymous"))
