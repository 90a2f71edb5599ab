"""The life of a registration, in one place: register, cancel (which moves the waiting list
up), promote when places grow, and erase the personal data after the event.

Every change runs in one transaction that first locks the event's set-up row
(``select_for_update``; SQLite takes its write lock when the transaction begins, Openly
opening them IMMEDIATE), so two people can never take the last place at once. Emails are
queued inside the same transaction (home.mail): a rolled-back change sends nothing, a
committed one keeps its email whatever the mail server does. The page caches are emptied
only when what the event page says about places changes (``Availability``), not on every
registration. Logs carry counts only.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from events.registration import emails
from events.registration.conf import retention_days
from events.registration.models import Registrant, RegistrationSetup
from events.registration.tokens import hash_token, new_token, token_hashes
from home.invalidation import content_changed, watch
from home.mail.deliveries import forget_unsent_to

logger = logging.getLogger(__name__)

CONSENT_VERSION = "2026-11"
Status = Registrant.Status


class Outcome:
    """What became of a registration form (the page says the same for NEW and ALREADY, so
    it never tells whether an address was registered before)."""

    NEW = "new"
    ALREADY = "already"
    REPEAT = "repeat"
    FULL = "full"
    CLOSED = "closed"


@dataclass
class Result:
    outcome: str
    registrant: Registrant | None = None


def connect():
    """A set-up's every save changes what the event page says: it empties the page caches
    (home.invalidation). A registration does only when the page's words change."""
    watch(RegistrationSetup)


def _locked(setup):
    return RegistrationSetup.objects.select_for_update().get(pk=setup.pk)


def _counts(setup):
    live = Registrant.objects.filter(setup=setup)
    return (
        live.filter(status=Status.CONFIRMED).count(),
        live.filter(status=Status.WAITING).count(),
    )


def _changed_availability(setup, event, before):
    confirmed, _waiting = _counts(setup)
    if setup.availability(event, confirmed) != before:
        content_changed()


def register(page, setup, data, language):
    """Register the person in ``data`` (the form's cleaned data) for ``page``'s event.
    Returns a Result; the person is emailed their place or waiting-list spot, with the
    calendar file and their private cancel link."""
    email = data["email"].strip().lower()
    try:
        with transaction.atomic():
            setup = _locked(setup)
            repeat = Registrant.objects.filter(idempotency_key=data["token"]).first()
            if repeat is not None:
                return Result(Outcome.REPEAT, repeat)
            confirmed, _waiting = _counts(setup)
            before = setup.availability(page, confirmed)
            if before == "closed":
                return Result(Outcome.CLOSED)
            existing = Registrant.objects.live().filter(setup=setup, email=email).first()
            if existing is not None:
                emails.send_already_registered(existing, page)
                return Result(Outcome.ALREADY, existing)
            if setup.capacity is None or confirmed < setup.capacity:
                status = Status.CONFIRMED
            elif setup.waiting_list:
                status = Status.WAITING
            else:
                return Result(Outcome.FULL)
            token = new_token()
            registrant = Registrant.objects.create(
                setup=setup,
                status=status,
                name=data["name"].strip(),
                email=email,
                accessibility_needs=data.get("accessibility_needs", "").strip(),
                consent_at=timezone.now(),
                consent_version=CONSENT_VERSION,
                language=language,
                token_hash=hash_token(token),
                idempotency_key=data["token"],
            )
            emails.send_confirmation(registrant, page, token)
            _changed_availability(setup, page, before)
            return Result(Outcome.NEW, registrant)
    except IntegrityError:
        # The same form (or the same address) got in first from a parallel request.
        repeat = Registrant.objects.filter(idempotency_key=data["token"]).first()
        return Result(Outcome.REPEAT if repeat else Outcome.ALREADY, repeat)


def for_token(token):
    """The live registrant whose cancel link holds ``token``, or None."""
    if not token or len(token) > 100:
        return None
    return (
        Registrant.objects.live()
        .filter(token_hash__in=token_hashes(token))
        .select_related("setup__event")
        .first()
    )


def cancel(registrant, page):
    """Cancel ``registrant`` (erasing their personal data at once) and give a freed place
    to the first person waiting. Returns the promoted registrant or None."""
    with transaction.atomic():
        setup = _locked(registrant.setup)
        registrant = Registrant.objects.select_for_update().get(pk=registrant.pk)
        if registrant.status == Status.CANCELLED:
            return None
        confirmed, _waiting = _counts(setup)
        before = setup.availability(page, confirmed)
        address = registrant.email
        registrant.status = Status.CANCELLED
        registrant.cancelled_at = timezone.now()
        registrant.erase(registrant.cancelled_at)
        registrant.save()
        forget_unsent_to(address)
        promoted = promote_waiting(setup, page)
        _changed_availability(setup, page, before)
    logger.info("A registration was cancelled; %d promoted from the waiting list", len(promoted))
    return promoted[0] if promoted else None


def promote_waiting(setup, page):
    """Give every free place to the people waiting, first come first served, and email
    them. Call inside a transaction holding the set-up's lock. Returns those promoted."""
    confirmed, _waiting = _counts(setup)
    free = None if setup.capacity is None else setup.capacity - confirmed
    if free is not None and free <= 0:
        return []
    waiting = Registrant.objects.filter(setup=setup, status=Status.WAITING).order_by(
        "created_at", "pk"
    )
    promoted = list(waiting if free is None else waiting[:free])
    now = timezone.now()
    for registrant in promoted:
        registrant.status = Status.CONFIRMED
        registrant.promoted_at = now
        registrant.save(update_fields=["status", "promoted_at"])
        emails.send_promoted(registrant)
    return promoted


def settings_changed(setup):
    """After an organiser changed the set-up (its save empties the caches: apps.py):
    more places may free the waiting list."""
    with transaction.atomic():
        setup = _locked(setup)
        promote_waiting(setup, setup.event.specific)


def due_for_erasure(now=None):
    """Registrants with personal data whose event ended ``retention_days()`` ago."""
    now = now or timezone.now()
    ended = now - timedelta(days=retention_days())
    setups = RegistrationSetup.objects.annotate(ends=Max("event__sessions__end")).filter(
        ends__lt=ended
    )
    return Registrant.objects.filter(setup__in=setups.values("pk"), erased_at=None)


def erase_due(now=None):
    """Erase the personal data of every registrant due for it. Returns how many."""
    now = now or timezone.now()
    erased = 0
    for registrant in due_for_erasure(now).iterator():
        with transaction.atomic():
            address = registrant.email
            registrant.erase(now)
            registrant.save()
            forget_unsent_to(address)
        erased += 1
    logger.info("Registrations erased after their event: %d", erased)
    return erased
