"""The demo content command: builds the whole site and a second run duplicates nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

# Transactional: wagtail-localize publishes translations when the transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("sessions.", "admin.", "wagtailsearch."))
    }


# Slow by nature: it runs load_demo a second time, committing, to prove the command
# idempotent. The first run is the run's one load of the demo (the demo_site fixture,
# tests/demo_database.py: load_demo on a migrated database with every locale, as this test
# did itself), shared with the other tests that read the demo; what it wrote is checked here.
def test_demo_builds_the_site_and_is_idempotent(client, demo_site):
    first = row_counts()
    assert "Demo content is ready." in demo_site
    assert "admin" in demo_site and "openly-demo" in demo_site
    for path in (
        "/en/",
        "/fr/",
        "/uk/",
        "/ar/",
        "/en/get-help/",
        "/fr/get-help/",
        "/en/partners/",
        "/ar/partners/",
        "/fr/partners/open-minds/",
        "/uk/partners/hromada/",
        "/fr/impact/",
        "/ar/impact/",
        "/en/impact/stories.csv",
    ):
        assert client.get(path).status_code == 200, path
    # The impact dashboard has figures to show, spread over more than one month.
    views = client.get("/en/impact/").context["series_views"]
    assert all(view.total for view in views)
    pledges = views[0].figures.by_period()
    assert len(pledges) > 6
    # The demo is in the search index at once, each language with its own stemming.
    for language, query, title in (
        ("en", "depressed", "Understanding depression"),
        ("fr", "dépressions", "Comprendre la dépression"),
        ("uk", "депресії", "Що таке депресія"),
    ):
        response = client.get(f"/{language}/search/", {"q": query})
        assert title in [page.title for page in response.context["results"]], language
    # Every demo organisation has its page, live in every demo language.
    from home.cocreation.models import PartnerOrganisation
    from home.partners.models import PartnerPage

    for organisation in PartnerOrganisation.objects.all():
        assert organisation.section.live, organisation
        languages = set(
            PartnerPage.objects.live()
            .filter(translation_key=organisation.section.translation_key)
            .values_list("locale__language_code", flat=True)
        )
        assert languages == {"en", "fr", "uk", "ar"}, organisation
    assert client.login(username="admin", password="openly-demo")
    assert client.get("/admin/").status_code == 200
    # Organisation pages in every workflow state, and findings for the report.
    from django.utils import timezone
    from wagtail.models import Revision, WorkflowState

    from home.cocreation.models import LocaleReviewTask
    from home.language_check.models import LanguageCheckTask, PageLanguageCheck

    states = WorkflowState.objects.values_list("status", flat=True)
    assert {"in_progress", "needs_changes"} <= set(states)
    waiting_at = {
        type(state.current_task_state.task.specific)
        for state in WorkflowState.objects.filter(status="in_progress")
    }
    assert LocaleReviewTask in waiting_at
    # The page the language check stopped is back with its editor, not waiting.
    sent_back_by = {
        type(state.current_task_state.task.specific)
        for state in WorkflowState.objects.filter(status="needs_changes")
    }
    assert LanguageCheckTask in sent_back_by
    assert Revision.page_revisions.filter(approved_go_live_at__gt=timezone.now()).exists()
    assert PageLanguageCheck.objects.filter(finding_count__gt=0).exists()

    call_command("load_demo", stdout=io.StringIO())
    second = row_counts()
    grown = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    # Log entries are history and renditions a cache filled by viewing pages; everything
    # else stays the same.
    grown = {
        label: counts
        for label, counts in grown.items()
        if label
        not in {"wagtailcore.ModelLogEntry", "wagtailcore.PageLogEntry", "wagtailimages.Rendition"}
    }
    assert not grown, f"a second run created more rows: {grown}"


def test_demo_refuses_demo_passwords_outside_development(settings, locales):
    from django.contrib.auth import get_user_model

    from home.demo import demo_content
    from home.demo.loading import Demo

    settings.OPENLY_DEMO_PASSWORDS_ALLOWED = False
    out = io.StringIO()
    demo_content._users(Demo(stdout=out))
    assert not get_user_model().objects.exists()
    assert "openly-demo" not in out.getvalue()
    assert "Skipped demo users" in out.getvalue()
