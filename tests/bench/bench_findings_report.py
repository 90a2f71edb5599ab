"""The language findings report over every live page (runs after bench_events, so the
5,000 event pages are there): storing the results, then reading them."""

import time


def run(bench):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from events.models import EventPage
    from home.language_check.models import PageLanguageCheck
    from home.language_check.stored import outdated_pages

    flagged = list(EventPage.objects.order_by("pk").values_list("pk", flat=True)[::5])
    EventPage.objects.filter(pk__in=flagged).update(
        summary="A crazy night out: lunatic fun for all, no psychos allowed."
    )
    pages = outdated_pages().count()
    started = time.perf_counter()
    call_command("check_language", stdout=open("/dev/null", "w"))  # noqa: SIM115
    bench.note(
        f"check_language stored results for {pages:,} live pages in "
        f"{time.perf_counter() - started:.1f}s; "
        f"{PageLanguageCheck.objects.filter(finding_count__gt=0).count():,} have findings"
    )
    admin = get_user_model().objects.create_superuser("bench-admin", "bench@example.org", "x")
    bench.client.force_login(admin)
    bench.measure("findings report, all pages", "/admin/reports/language-findings/")
    bench.measure("findings report, page 30", "/admin/reports/language-findings/?page=30")
    bench.measure("findings report, by language", "/admin/reports/language-findings/?language=en")
    bench.client.logout()
