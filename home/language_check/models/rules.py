"""The language & safe-messaging rules (kept as data administrators edit in the admin), the
findings moderators accept and the stored results of checking live pages."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from home.language_check import catalogue
from home.language_check.patterns import RuleSyntaxError, check_syntax

RULE_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES]


class LanguageRule(index.Indexed, models.Model):
    """One wording to flag in one language, why, and what to write instead."""

    PHRASE = "phrase"
    PATTERN = "pattern"
    CONTEXT = "context"
    MODEL = "model"
    MATCH_CHOICES = [
        (PHRASE, _("Words (recommended)")),
        (CONTEXT, _("Words together in one sentence (join them with +)")),
        (PATTERN, _("Pattern (regular expression, for experts)")),
        (
            MODEL,
            _(
                "Sentence model: what a finding of the learned model says for the kind of "
                "wording the phrase names (e.g. suicide_way_out)"
            ),
        ),
    ]
    STIGMATISING = "stigmatising"
    SUICIDE_REPORTING = "suicide_reporting"
    SELF_HARM_DETAIL = "self_harm_detail"
    SENSATIONALISING = "sensationalising"
    TRIVIALISING = "trivialising"
    CATEGORY_CHOICES = [
        (STIGMATISING, _("Stigmatising term")),
        (SUICIDE_REPORTING, _("Suicide reporting")),
        (SELF_HARM_DETAIL, _("Self-harm detail")),
        (SENSATIONALISING, _("Sensationalising")),
        (TRIVIALISING, _("Trivialising metaphor")),
    ]
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    SEVERITY_CHOICES = [
        (HIGH, _("High: sends the page back to its editor, unless a moderator accepts it")),
        (MEDIUM, _("Medium: should be changed")),
        (LOW, _("Low: consider changing")),
    ]

    language = models.CharField(
        max_length=10,
        choices=RULE_LANGUAGES,
        help_text=_("The language of the pages this rule checks."),
        verbose_name=_("Language"),
    )
    phrase = models.CharField(
        max_length=500,
        help_text=_(
            "The wording to flag, e.g. 'commit suicide': every form of each word is found "
            "('committed suicide', 'commits suicide'), whatever the capitals and accents. "
            "'...' allows up to four words between two words; 'a|b' either word; a word "
            "ending in * any ending; @name a synonym group of the language (e.g. @suicide)."
        ),
        verbose_name=_("Phrase"),
    )
    match_type = models.CharField(
        max_length=10,
        choices=MATCH_CHOICES,
        default=PHRASE,
        help_text=_("Leave on 'Words' unless a technical person wrote a pattern."),
        verbose_name=_("Match type"),
    )
    category = models.CharField(
        max_length=30,
        choices=CATEGORY_CHOICES,
        help_text=_("What kind of problem this wording is."),
        verbose_name=_("Category"),
    )
    severity = models.CharField(
        max_length=10,
        choices=SEVERITY_CHOICES,
        default=MEDIUM,
        help_text=_(
            "Findings of every severity are shown to editors while they write. A high one also "
            "sends the page back to its editor (or a translation to its translator) as "
            "“changes requested” when it is submitted, to change the wording and resubmit; a "
            "moderator can accept it as justified on a page, e.g. in a quotation."
        ),
        verbose_name=_("Severity"),
    )
    explanation = models.TextField(
        help_text=_("Why this wording is a problem, in one or two sentences editors will read."),
        verbose_name=_("Explanation"),
    )
    alternatives = models.TextField(
        blank=True,
        help_text=_("Better wordings, one per line, e.g. 'died by suicide'."),
        verbose_name=_("Alternatives"),
    )
    source = models.CharField(
        max_length=255,
        help_text=_(
            "The guide this rule comes from, by name, e.g. 'Samaritans media guidelines for "
            "reporting suicide'."
        ),
        verbose_name=_("Source"),
    )
    unless = models.TextField(
        blank=True,
        help_text=_(
            "Wordings, one per line, that keep the rule from applying when they are in the "
            "same sentence, e.g. 'fracture' for 'suffers from'."
        ),
        verbose_name=_("Unless the sentence has"),
    )
    active = models.BooleanField(
        default=True,
        help_text=_("Untick to stop checking this rule without deleting it."),
        verbose_name=_("In use"),
    )
    shipped_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "A fingerprint of the shipped values this rule was seeded or last updated with; "
            "while the rule still has them, a new release may update it. Empty for rules "
            "administrators added."
        ),
        verbose_name=_("Shipped version"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("language"), FieldPanel("phrase"), FieldPanel("match_type")],
            heading=_("What to look for"),
        ),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("severity"), FieldPanel("active")],
            heading=_("How serious it is"),
        ),
        FieldPanel("explanation"),
        FieldPanel("alternatives"),
        FieldPanel("unless"),
        FieldPanel("source"),
    ]
    search_fields = [
        index.SearchField("phrase"),
        index.AutocompleteField("phrase"),
        index.FilterField("language"),
    ]

    class Meta:
        # Moved from the home app: the table keeps its name (see migrations/0001).
        db_table = "home_languagerule"
        ordering = ["language", "category", "phrase"]
        unique_together = [("language", "phrase")]
        verbose_name = _("language rule")
        verbose_name_plural = _("language rules")

    def __str__(self):
        return f"{self.phrase} ({self.language})"

    def clean(self):
        super().clean()
        try:
            check_syntax(
                self.phrase,
                self.match_type,
                self.language,
                catalogue.groups(self.language),
                self.unless,
            )
        except (re.error, RuleSyntaxError) as error:
            raise ValidationError(
                {"phrase": _("This pattern is not valid: %(error)s") % {"error": error}}
            ) from error

    @property
    def alternative_list(self):
        """The suggested alternatives as a list."""
        return [line.strip() for line in self.alternatives.splitlines() if line.strip()]


class AcceptedFinding(models.Model):
    """A moderator's decision that one flagged wording is justified on one page, e.g. a
    quotation or a guide that names the term to explain it."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="accepted_language_findings"
    )
    rule = models.ForeignKey(LanguageRule, on_delete=models.CASCADE, related_name="+")
    matched_text = models.CharField(
        max_length=255, help_text=_("The wording as found, in lower case.")
    )
    reason = models.TextField(blank=True, help_text=_("Why this use is justified."))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "home_acceptedfinding"
        unique_together = [("page", "rule", "matched_text")]
        verbose_name = _("accepted language finding")
        verbose_name_plural = _("accepted language findings")

    def __str__(self):
        return f"{self.matched_text} on {self.page_id}"


class PageLanguageCheck(models.Model):
    """The stored result of checking one page's live content, so the findings report reads
    results instead of re-checking every page. A result is out of date when the page has
    been published again since (its live revision differs) or when a rule of its language
    or an accepted finding on it changed (``stale``); out-of-date results are checked again
    in the background and, a batch at a time, when the report is opened."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="language_check"
    )
    checked_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The live revision that was checked."),
    )
    organisation = models.ForeignKey(
        "cocreation.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page's partner organisation when it was checked."),
    )
    findings = models.JSONField(default=list, blank=True)
    finding_count = models.PositiveIntegerField(default=0)
    high_count = models.PositiveIntegerField(default=0)
    accepted_count = models.PositiveIntegerField(default=0)
    stale = models.BooleanField(default=False)
    checked_at = models.DateTimeField()

    class Meta:
        db_table = "home_pagelanguagecheck"
        verbose_name = _("page language check")
        verbose_name_plural = _("page language checks")

    def __str__(self):
        return f"{self.page_id}: {self.finding_count}"
