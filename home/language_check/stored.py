"""Stored language-check results of live pages, for the findings report.

Checking is cheap per page but the report covers every live page, so each page's result is
stored (``PageLanguageCheck``) and kept fresh:

- publishing a page queues a check of it (after the transaction commits);
- changing a rule marks the results of its language out of date and queues a re-check;
- accepting a finding marks that page's result out of date;
- opening the report checks a batch of out-of-date pages at once and queues the rest.

Checks run through Django's task framework (django-tasks, as Wagtail's own background work
does): immediately by default, on a worker with a real backend in production.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from wagtail.models import Locale, Page

from home.language_check.engine import accepted_by_page, check_page
from home.language_check.models import PageLanguageCheck

BATCH = 200


def outdated_pages():
    """Live pages whose stored result is missing or out of date."""
    same_revision = Q(language_check__checked_revision_id=F("live_revision_id")) | Q(
        language_check__checked_revision__isnull=True, live_revision__isnull=True
    )
    current = Q(language_check__stale=False) & same_revision
    return Page.objects.live().filter(depth__gt=1).exclude(current)


def store_checks(pages):
    """Check ``pages`` (specific page objects) and store the results in one statement;
    return how many."""
    accepted = accepted_by_page([page.pk for page in pages])
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    now = timezone.now()
    rows = []
    for page in pages:
        findings = check_page(
            page, accepted=accepted.get(page.pk, frozenset()), language=languages[page.locale_id]
        )
        rows.append(
            PageLanguageCheck(
                page_id=page.pk,
                checked_revision_id=page.live_revision_id,
                organisation_id=getattr(page, "organisation_id", None),
                findings=[finding.as_dict() for finding in findings],
                finding_count=len(findings),
                high_count=sum(finding.severity == "high" for finding in findings),
                accepted_count=sum(finding.accepted for finding in findings),
                stale=False,
                checked_at=now,
            )
        )
    # Upsert: a page checked before gets every stored field replaced.
    replaced = [
        field.name
        for field in PageLanguageCheck._meta.concrete_fields
        if not field.primary_key and field.name != "page"
    ]
    PageLanguageCheck.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["page"], update_fields=replaced
    )
    return len(rows)


def refresh_outdated(limit=None):
    """Check the out-of-date live pages (at most ``limit``); return how many were checked."""
    checked = 0
    while limit is None or checked < limit:
        size = BATCH if limit is None else min(BATCH, limit - checked)
        pages = outdated_pages().order_by("pk").specific(defer=False)
        batch = list(pages[:size])
        checked += store_checks(batch)
        if len(batch) < size:
            break
    return checked


@task()
def refresh_outdated_task():
    return refresh_outdated()


@task()
def check_page_task(page_id):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return 0
    return store_checks([page.specific])


def queue(task_, *args):
    """Enqueue ``task_`` once the current transaction (if any) has committed."""
    transaction.on_commit(lambda: task_.enqueue(*args))


# Signal receivers (connected in LanguageCheckConfig.ready)


def on_page_published(sender, instance, **kwargs):
    queue(check_page_task, instance.pk)


def on_rule_changed(sender, instance, **kwargs):
    """A rule of a language changed (or was removed): that language's results are stale."""
    languages = {instance.language}
    previous = getattr(instance, "_openly_previous_language", None)
    if previous:
        languages.add(previous)
    PageLanguageCheck.objects.filter(page__locale__language_code__in=languages).update(stale=True)
    queue(refresh_outdated_task)


def remember_rule_language(sender, instance, **kwargs):
    """Before a rule is saved, note its language, in case the edit moves it to another."""
    if instance.pk:
        instance._openly_previous_language = (
            sender.objects.filter(pk=instance.pk).values_list("language", flat=True).first()
        )


def on_acceptance_changed(sender, instance, **kwargs):
    PageLanguageCheck.objects.filter(page_id=instance.page_id).update(stale=True)
    queue(check_page_task, instance.page_id)
