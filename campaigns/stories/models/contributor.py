"""The contributor record: who shared a story and what they agreed to, kept apart from the
story page. It is not a page, has no revisions, is not indexed for search and is visible
only to story moderators."""

import hmac
import uuid
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from campaigns.stories.conf import story_settings
from campaigns.stories.constants import CLOSED_STATES, EDITABLE_STATES, ContributorState
from campaigns.stories.tokens import hash_token, token_hashes


class ContributorRecordQuerySet(models.QuerySet):
    """Lookups of contributor records: by status token, by story, and the scheduled jobs'."""

    def with_token(self, token):
        """The records whose status token is ``token``, hashed with the current key or a
        fallback key (tokens.token_hashes), expired or not."""
        return self.filter(token_hash__in=token_hashes(token))

    def for_token(self, token):
        """The record whose status token is ``token``, or None. Expired tokens match nothing.
        A record found through a fallback key is hashed again with the current key, so the
        fallback can later be dropped without losing this link."""
        if not token or len(token) > 100:
            return None
        hashes = token_hashes(token)
        record = self.filter(token_hash__in=hashes).select_related("page").first()
        # The database lookup is by exact hash; compare again in constant time so timing
        # says nothing about partial matches in an index.
        if record is None or not any(hmac.compare_digest(record.token_hash, h) for h in hashes):
            return None
        if record.token_has_expired:
            return None
        if record.token_hash != hashes[0]:
            record.rehash_token(hashes[0])
        return record

    def for_story(self, page):
        """The records of ``page`` and of every translation of it (only the source
        language's page has one)."""
        return self.filter(page__translation_key=page.translation_key)

    def due_for_erasure(self, now=None):
        """Records whose story is due to be erased and is not yet: declined more than
        ``RETENTION_DAYS`` ago; waiting for their contributor ("Changes suggested") with no
        change for ``EXPIRY_DAYS``; withdrawn (a withdrawal erases at once, so these are
        withdrawals made before erasure existed, or one whose erasure did not finish)."""
        now = now or timezone.now()
        declined_before = now - timedelta(days=story_settings.RETENTION_DAYS)
        untouched_since = now - timedelta(days=story_settings.EXPIRY_DAYS)
        return self.filter(
            models.Q(state=ContributorState.WITHDRAWN)
            | models.Q(state=ContributorState.DECLINED, closed_at__lte=declined_before)
            | models.Q(state=ContributorState.CHANGES_SUGGESTED, updated_at__lte=untouched_since),
            erased_at=None,
        )

    def awaiting_notification(self):
        """Open records whose reviewers have not been told about the story yet."""
        return self.filter(reviewers_notified=False).exclude(state__in=CLOSED_STATES)


class ContributorRecord(models.Model):
    """Who shared a story and what they agreed to: contact details, consent scopes with the
    wording version and time, and the hashed status token. Only story moderators see it."""

    # SET_NULL: when the story is erased this record stays, as a tombstone without personal
    # data (the contributor's link then says what was erased and when).
    page = models.OneToOneField(
        "stories.StoryPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="contributor_record",
        help_text=_("The story this person shared. Empty once the story has been erased."),
        verbose_name=_("Page"),
    )
    email = models.EmailField(
        blank=True,
        help_text=_("Given only for follow-up. Erased with the story."),
        verbose_name=_("Email"),
    )
    language = models.CharField(
        max_length=12,
        help_text=_("The language the story was shared in."),
        verbose_name=_("Language"),
    )
    consent_process = models.BooleanField(
        default=False,
        help_text=_("Agreed that we store and review the story."),
        verbose_name=_("Consent to processing"),
    )
    consent_publish = models.BooleanField(
        default=False,
        help_text=_("Agreed that the story is published on the site."),
        verbose_name=_("Consent to publication"),
    )
    consent_translate = models.BooleanField(
        default=False,
        help_text=_("Agreed that the story is translated into other languages."),
        verbose_name=_("Consent to translation"),
    )
    consent_contact = models.BooleanField(
        default=False,
        help_text=_("Agreed to be contacted by email about the story."),
        verbose_name=_("Consent to be contacted"),
    )
    consent_version = models.CharField(
        max_length=20,
        help_text=_("The version of the consent wording the person saw."),
        verbose_name=_("Consent version"),
    )
    consented_at = models.DateTimeField(
        help_text=_("When the person gave consent."), verbose_name=_("Consented at")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    state = models.CharField(
        max_length=20,
        choices=ContributorState.choices,
        default=ContributorState.RECEIVED,
        help_text=_(
            "Shown to the contributor on their status page. Choose 'Not published' to "
            "decline a story: the story is then erased after the retention period."
        ),
        verbose_name=_("State"),
    )
    reviewer_message = models.TextField(
        blank=True,
        max_length=2000,
        help_text=_(
            "A kind, plain message to the contributor, shown on their private status page. "
            "Never put other people's details here."
        ),
        verbose_name=_("Reviewer message"),
    )
    contributor_revision_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("The version of the story the contributor wrote or approved."),
    )
    reviewers_notified = models.BooleanField(default=False, editable=False)
    deliveries = models.ManyToManyField(
        "mail.Delivery",
        blank=True,
        editable=False,
        related_name="+",
        help_text=_(
            "The emails sent to this person about their story (status links and updates), "
            "so that their data download can say what became of each. The deliveries hold "
            "no address or text; they go when the mail housekeeping deletes them."
        ),
    )
    submitted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Submitted at"))
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("Withdrawn at")
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    erased_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the story (in every language) and the contact details were erased. What "
            "remains is this record without personal data."
        ),
        verbose_name=_("Erased at"),
    )

    objects = ContributorRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("contributor record")
        verbose_name_plural = _("contributor records")

    def __str__(self):
        # Never the email: this string appears in admin messages and log entries.
        return _("Contributor record #%(id)s") % {"id": self.pk}

    def save(self, *args, **kwargs):
        if self.state in CLOSED_STATES and self.closed_at is None:
            self.closed_at = timezone.now()
        super().save(*args, **kwargs)

    def set_token(self, token):
        """Store ``token`` (hashed) as this record's status token."""
        self.token_hash = hash_token(token)
        self.token_expires_at = timezone.now() + timedelta(days=story_settings.TOKEN_DAYS)

    @property
    def token_has_expired(self):
        """Whether the private status link no longer works (after ``TOKEN_DAYS``)."""
        return self.token_expires_at is not None and self.token_expires_at < timezone.now()

    def remember_delivery(self, delivery_id):
        """Tie the email ``delivery_id`` (the id of a home.mail Delivery just queued) to this
        record, for the contributor's data download. Without one (an email backend other
        than the queue sent it at once) there is nothing to remember."""
        try:
            delivery_id = uuid.UUID(str(delivery_id))
        except ValueError:
            return
        self.deliveries.add(delivery_id)

    def rehash_token(self, current_hash):
        """Store ``current_hash`` (the token hashed with the current key) in place of a hash
        made with a key being rotated out. Only the old hash is replaced: a concurrent visit
        that already did it changes nothing."""
        type(self).objects.filter(pk=self.pk, token_hash=self.token_hash).update(
            token_hash=current_hash
        )
        self.token_hash = current_hash

    @cached_property
    def story(self):
        return self.page

    @property
    def is_withdrawn(self):
        return self.state == ContributorState.WITHDRAWN

    @property
    def is_erased(self):
        """The story and the contact details are gone; this record is a tombstone."""
        return self.erased_at is not None

    @property
    def can_withdraw(self):
        """The contributor may withdraw (and so erase) the story until it is erased."""
        return not self.is_withdrawn and not self.is_erased

    @property
    def erasure_due_at(self):
        """When the retention job will erase this story unless something changes (declined:
        after ``RETENTION_DAYS``; changes suggested: ``EXPIRY_DAYS`` without an edit), or
        None. Told to the contributor on their status page."""
        if self.is_erased:
            return None
        if self.state == ContributorState.DECLINED and self.closed_at:
            return self.closed_at + timedelta(days=story_settings.RETENTION_DAYS)
        if self.state == ContributorState.CHANGES_SUGGESTED and self.updated_at:
            return self.updated_at + timedelta(days=story_settings.EXPIRY_DAYS)
        return None

    @property
    def can_edit(self):
        """The contributor may edit until the story is published, declined or withdrawn."""
        return self.state in EDITABLE_STATES

    def pending_reviewer_revision(self):
        """A reviewer's edit the contributor has not approved yet, or None."""
        page = self.page
        if page is None or not self.can_edit:
            return None
        latest = page.get_latest_revision()
        if latest is None or latest.pk == self.contributor_revision_id or latest.user_id is None:
            return None
        return latest
