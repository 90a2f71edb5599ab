"""The life of an email, from queued to sent or failed for good: the one owner of it.

1. ``queue`` (called by the queued email backend for every email Django, Wagtail or Openly
   sends) seals the message, records a Delivery and enqueues ``deliver_email`` in the
   database, inside the caller's transaction: a rolled-back action sends nothing, a
   committed one keeps its email however the mail server fares.
2. With ``OPENLY_EMAIL_SEND_AT_ONCE`` (the embedded default) the email is tried in the same
   process right after the commit; otherwise, and for every retry, the worker
   (``manage.py db_worker --backend mail``) runs the task when it is due.
3. ``deliver`` tries the real transport. Sent: the sealed copy is blanked. A transient
   failure (connection refused, timeout, 4xx): tried again after the next delay of
   ``OPENLY_EMAIL_RETRY_DELAYS``; after the last, or on a permanent refusal: failed for
   good, listed in Reports → Email deliveries, where ``retry`` queues it again.
4. ``delivery_state`` tells a caller what became of an email; ``outgoing`` tells the backend
   what kind of email is being sent and collects the ids of the deliveries queued.

Logs name the delivery, its kind, the attempt and the error's class: never an address, a
subject, a body or an error's message (SMTP errors quote addresses).
"""

import contextlib
import contextvars
import functools
import logging
from datetime import timedelta
from email.utils import parseaddr

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from home.mail import transport, worker
from home.mail.conf import TASK_BACKEND, mail_settings
from home.mail.messages import from_data, to_data
from home.mail.models import Delivery
from home.mail.sealing import Unreadable, seal, unseal

logger = logging.getLogger(__name__)

Kind = Delivery.Kind
State = Delivery.State

_kind = contextvars.ContextVar("openly_mail_kind", default=None)
_sending = contextvars.ContextVar("openly_mail_sending", default=None)


class Sending:
    """What ``outgoing`` collected: the ids of the deliveries queued inside it."""

    def __init__(self):
        self.delivery_ids = []

    @property
    def delivery_id(self):
        """The last delivery queued (the only one for a single email), or None."""
        return self.delivery_ids[-1] if self.delivery_ids else None


@contextlib.contextmanager
def outgoing(kind):
    """Emails sent inside are recorded as ``kind`` (a Delivery.Kind); yields a Sending whose
    ``delivery_id`` says which delivery to ask ``delivery_state`` about. With another email
    backend than the queued one nothing is collected."""
    sending = Sending()
    kind_token = _kind.set(kind)
    sending_token = _sending.set(sending)
    try:
        yield sending
    finally:
        _sending.reset(sending_token)
        _kind.reset(kind_token)


def kind_of(message):
    """The kind of ``message``: as ``outgoing`` says, else a workflow notification for
    Wagtail's own (marked Auto-Submitted), else "other"."""
    kind = getattr(message, "openly_kind", None) or _kind.get()
    if kind:
        return Kind(kind)
    headers = {name.lower() for name in message.extra_headers}
    return Kind.WORKFLOW if "auto-submitted" in headers else Kind.OTHER


@task(backend=TASK_BACKEND)
def deliver_email(delivery_id):
    """The background task: one attempt at delivery ``delivery_id`` (see ``deliver``). Its
    only argument is that id: the message itself waits sealed on the Delivery."""
    return deliver(delivery_id)


def _enqueue(delivery, run_after=None):
    """Queue the delivery task (at ``run_after``, else as soon as possible) and, when it may
    run now, try it once this transaction commits."""
    runnable = deliver_email.using(run_after=run_after) if run_after else deliver_email
    result = runnable.enqueue(str(delivery.pk))
    delivery.task_id = result.id
    if run_after is None and mail_settings.SEND_AT_ONCE:
        transaction.on_commit(functools.partial(worker.attempt_now, result.id))
    return result


def queue(message):
    """Seal ``message``, record it and queue its delivery in the current transaction;
    return the Delivery's id (a string)."""
    delivery = Delivery(kind=kind_of(message), sealed_message=seal(to_data(message)))
    with transaction.atomic():
        _enqueue(delivery)
        delivery.save(force_insert=True)
    sending = _sending.get()
    if sending is not None:
        sending.delivery_ids.append(str(delivery.pk))
    return str(delivery.pk)


def deliver(delivery_id):
    """One attempt at sending a queued delivery; returns its state afterwards ("sent",
    "queued" when a retry is planned, "failed"), or "gone" when there is nothing to send."""
    delivery = Delivery.objects.filter(pk=delivery_id, state=State.QUEUED).first()
    if delivery is None:
        return "gone"
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    delivery.next_attempt_at = None
    delivery.save(update_fields=["attempts", "last_attempt_at", "next_attempt_at"])
    try:
        message = from_data(unseal(delivery.sealed_message))
    except (Unreadable, KeyError, TypeError, ValueError) as error:
        # No key opens it (SECRET_KEY changed without the old one in SECRET_KEY_FALLBACKS),
        # or it is not an email: no later attempt would do better, so nothing is kept.
        delivery.sealed_message = ""
        return _give_up(delivery, error)
    try:
        transport.send(message)
    except Exception as error:  # noqa: BLE001 - every failure is recorded, never raised
        delays = mail_settings.RETRY_DELAYS
        if transport.is_transient(error) and delivery.attempts <= len(delays):
            return _retry_later(delivery, error, delays[delivery.attempts - 1])
        return _give_up(delivery, error)
    return _sent(delivery)


def _sent(delivery):
    delivery.state = State.SENT
    delivery.finished_at = timezone.now()
    delivery.sealed_message = ""
    delivery.last_error = ""
    delivery.save()
    logger.info("Email %s (%s) sent on attempt %d.", delivery.pk, delivery.kind, delivery.attempts)
    return delivery.state


def _retry_later(delivery, error, delay):
    delivery.last_error = type(error).__name__
    delivery.next_attempt_at = timezone.now() + timedelta(seconds=delay)
    with transaction.atomic():
        _enqueue(delivery, run_after=delivery.next_attempt_at)
        delivery.save()
    logger.warning(
        "Email %s (%s): attempt %d failed (%s); next attempt in %d s.",
        delivery.pk,
        delivery.kind,
        delivery.attempts,
        delivery.last_error,
        delay,
    )
    return delivery.state


def _give_up(delivery, error):
    delivery.state = State.FAILED
    delivery.finished_at = timezone.now()
    delivery.last_error = type(error).__name__
    delivery.save()
    logger.error(
        "Email %s (%s) failed for good after %d attempt(s) (%s).",
        delivery.pk,
        delivery.kind,
        delivery.attempts,
        delivery.last_error,
    )
    return delivery.state


def retry(delivery):
    """Queue a delivery that failed for good once more, from its first attempt; returns
    whether it could be (its sealed copy must still be there)."""
    if delivery.state != State.FAILED or not delivery.sealed_message:
        return False
    delivery.state = State.QUEUED
    delivery.attempts = 0
    delivery.finished_at = None
    delivery.next_attempt_at = None
    with transaction.atomic():
        _enqueue(delivery)
        delivery.save()
    logger.info("Email %s (%s) queued again by an administrator.", delivery.pk, delivery.kind)
    return True


def delivery_state(delivery_id):
    """What became of the email ``delivery_id`` (as ``queue`` or ``outgoing`` gave it):
    "sent" (handed to the mail server), "queued" (waiting for its first attempt or for a
    retry), "failed" (failed for good) or None (unknown, or pruned long after)."""
    if not delivery_id:
        return None
    try:
        return Delivery.objects.filter(pk=delivery_id).values_list("state", flat=True).first()
    except ValidationError:
        return None


def requeue_stranded(older_than=timedelta(minutes=15)):
    """Queue again the deliveries still waiting whose task is gone, finished, or running for
    longer than any attempt takes (a process stopped between claiming a task and recording
    what became of it). Returns how many."""
    cutoff = timezone.now() - older_than
    live = DBTaskResult.objects.filter(backend_name=TASK_BACKEND).filter(
        Q(status=TaskResultStatus.READY)
        | Q(status=TaskResultStatus.RUNNING, started_at__gte=cutoff)
    )
    live_ids = {str(task_id) for task_id in live.values_list("id", flat=True)}
    count = 0
    for delivery in Delivery.objects.filter(state=State.QUEUED, created_at__lt=cutoff):
        if delivery.task_id not in live_ids:
            with transaction.atomic():
                _enqueue(delivery)
                delivery.save(update_fields=["task_id"])
            count += 1
    return count


def prune(days=None):
    """Delete finished deliveries older than ``days`` (default ``OPENLY_EMAIL_KEEP_DAYS``);
    return how many went. (Their task results go with django-tasks-db's own
    ``prune_db_task_results``: see ``manage.py mail_housekeeping``.)"""
    days = mail_settings.KEEP_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _by_model = Delivery.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


def _addresses(data):
    """The lower-cased addresses an email's data sends to (to, cc, bcc)."""
    recipients = [*data.get("to", ()), *data.get("cc", ()), *data.get("bcc", ())]
    return {parseaddr(str(recipient))[1].strip().lower() for recipient in recipients}


def forget_unsent_to(address):
    """Delete every delivery that still holds a sealed email to ``address`` (queued, waiting
    for a retry, or failed and kept for a retry), with its waiting task; return how many.
    A sent email keeps no copy and names nobody, so it is left. For erasing a person: their
    address and the text written to them leave the database."""
    wanted = parseaddr(address or "")[1].strip().lower()
    if not wanted:
        return 0
    doomed = []
    for delivery in Delivery.objects.exclude(sealed_message="").iterator():
        try:
            data = unseal(delivery.sealed_message)
        except Unreadable:
            continue
        if wanted in _addresses(data):
            doomed.append(delivery)
    task_ids = [d.task_id for d in doomed if d.task_id]
    DBTaskResult.objects.filter(id__in=task_ids, status=TaskResultStatus.READY).delete()
    Delivery.objects.filter(pk__in=[d.pk for d in doomed]).delete()
    if doomed:
        logger.info(
            "%d unsent email(s) deleted with the data of the person they were to.", len(doomed)
        )
    return len(doomed)
