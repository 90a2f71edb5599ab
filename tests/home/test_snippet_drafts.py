"""Topics, audiences and crisis helplines have drafts: a translator's translation of them is a
draft that readers never see (they get the published source instead) until a reviewer of
the language approves it in the "Translation review" workflow, or a moderator publishes
it. Translators cannot publish them."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale, Revision, WorkflowContentType, WorkflowState
from wagtail_localize.models import Translation

from campaigns.stories.reader import locale_topics, with_topic_names
from home.cocreation.models import LocaleReviewTask
from home.cocreation.roles import MODERATORS, TRANSLATORS
from home.cocreation.workflows import TRANSLATION_WORKFLOW, setup_workflows
from home.demo.building import store_strings
from home.listing import Vocabulary, terms_for_locale
from home.models import Audience, CrisisHelpline, Topic
from tests.factories import AudienceFactory, CrisisHelplineFactory, TopicFactory
from tests.home import factories
from tests.home.factories import fresh

world = factories.world  # the shared co-creation fixture

DENIED = {302, 403}
SOURCE_PHONE = "09 72 39 40 50"
DRAFT_HOURS = "Tous les jours, de 9 h à 21 h (à vérifier)"
DRAFT_NAME = "SOS Amitié France (brouillon)"


def published(instance):
    """``instance`` saved and published as a moderator would."""
    if instance.pk is None:
        instance.save()
    instance.save_revision().publish()
    return fresh(instance)


def edit_url(instance):
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def submit_url(instance):
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(instance.pk)],
    )


def fill_translation(instance, locale, strings, user):
    """What the translator types in wagtail-localize's editor, then saved as a draft of the
    translation (the revision a review looks at)."""
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    store_strings(translation.source, locale, strings, user)
    translation.save_target(user=user, publish=False)
    return translation


@pytest.fixture
def french_site(world, translated_home, get_help_page, locales):
    """The French home and get-help pages, live; readers in France."""
    french_help = get_help_page.copy_for_translation(locales["fr"])
    french_help.save_revision().publish()
    return translated_home["fr"]


@pytest.fixture
def helpline(world):
    return published(
        CrisisHelplineFactory.build(
            name="SOS Amitié", country="FR", phone=SOURCE_PHONE, hours="24 hours, every day"
        )
    )


@pytest.fixture
def french_draft(world, helpline, client):
    """The translator starts a French translation and fills it in: a draft."""
    client.force_login(world.translator)
    response = client.post(submit_url(helpline), {"locales": [world.locales["fr"].pk]})
    assert response.status_code == 302
    fill_translation(
        helpline,
        world.locales["fr"],
        {"SOS Amitié": DRAFT_NAME, "24 hours, every day": DRAFT_HOURS},
        world.translator,
    )
    return helpline.get_translation(world.locales["fr"])


def reader_pages(client):
    """The French home page (crisis banner, France's helplines) and get-help page."""
    client.logout()
    pages = {path: client.get(path) for path in ("/fr/", "/fr/get-help/")}
    for path, response in pages.items():
        assert response.status_code == 200, path
    return {path: response.content.decode() for path, response in pages.items()}


# Migration and set-up


# The data migration that gave every row made before drafts its first revision, run as
# `migrate` runs it, on rows as they were then: live, with no revision. (Migrating the whole
# database back to before drafts and forward again cost about a minute of processor time on
# each engine, for the same function.)
@pytest.mark.django_db
def test_rows_made_before_drafts_stay_live_with_a_live_revision():
    migration = importlib.import_module("home.migrations.0008_snippet_initial_revisions")
    english = Locale.objects.get(language_code="en")
    topic = Topic.objects.create(name="Anxiety", slug="anxiety", locale=english)
    helpline = CrisisHelpline.objects.create(
        name="Samaritans",
        country="GB",
        phone="116 123",
        hours="24 hours",
        last_verified="2026-09-01",
        locale=english,
    )
    assert topic.latest_revision_id is None and helpline.latest_revision_id is None

    # It changes rows only, never the schema, so it needs no schema editor.
    migration.create_initial_revisions(django_apps, None)

    topic = Topic.objects.get(pk=topic.pk)
    helpline = CrisisHelpline.objects.get(pk=helpline.pk)
    for row in (topic, helpline):
        assert row.live
        assert row.live_revision_id is not None
        assert row.live_revision_id == row.latest_revision_id
        assert not row.has_unpublished_changes
    assert helpline.live_revision.as_object().phone == "116 123"
    assert str(helpline.live_revision.object_str) == "Samaritans (GB)"
    # Still what readers get.
    assert list(Topic.objects.for_locale(english)) == ["anxiety"]
    assert CrisisHelpline.objects.for_locale(english) == [helpline]


@pytest.mark.django_db
def test_translation_workflow_covers_the_three_snippets_and_set_up_is_idempotent(world):
    workflow = world.workflows[TRANSLATION_WORKFLOW]
    for model in (Topic, Audience, CrisisHelpline):
        assert (
            WorkflowContentType.objects.get(content_type__model=model._meta.model_name).workflow
            == workflow
        )
    count = WorkflowContentType.objects.count()
    setup_workflows()
    assert WorkflowContentType.objects.count() == count


@pytest.mark.django_db
def test_source_language_snippets_have_no_workflow(world, helpline, locales):
    assert helpline.get_workflow() is None
    french = helpline.copy_for_translation(locales["fr"])
    french.save()
    assert french.get_workflow().name == TRANSLATION_WORKFLOW


@pytest.mark.django_db
def test_moderators_publish_and_translators_only_change(world):
    moderators = Group.objects.get(name=MODERATORS)
    translators = Group.objects.get(name=TRANSLATORS)
    for model in ("topic", "audience", "crisishelpline"):
        granted = set(
            moderators.permissions.filter(content_type__model=model).values_list(
                "codename", flat=True
            )
        )
        assert {f"view_{model}", f"change_{model}", f"publish_{model}"} <= granted
        assert world.moderator.has_perm(f"home.publish_{model}")
        assert world.translator.has_perm(f"home.change_{model}")
        assert not world.translator.has_perm(f"home.publish_{model}")
        assert not translators.permissions.filter(codename=f"publish_{model}").exists()


# A translator's helpline translation


@pytest.mark.django_db
def test_translators_helpline_translation_is_a_draft_readers_never_see(
    world, french_site, helpline, french_draft, client
):
    assert not french_draft.live
    assert french_draft.live_revision is None  # not the source's: it was never published
    assert french_draft.get_latest_revision_as_object().hours == DRAFT_HOURS
    assert CrisisHelpline.objects.for_locale(world.locales["fr"]) == [helpline]
    for path, html in reader_pages(client).items():
        assert DRAFT_HOURS not in html, path
        assert DRAFT_NAME not in html, path
        # The published source helpline is shown instead.
        assert f'href="tel:{SOURCE_PHONE.replace(" ", "")}"' in html, path
        assert "SOS Amitié" in html, path


@pytest.mark.django_db
def test_translator_cannot_publish_the_draft(world, helpline, french_draft, client):
    client.force_login(world.translator)
    revisions = Revision.objects.count()
    # wagtail-localize's translation editor (it takes over the snippet's edit view).
    response = client.post(edit_url(french_draft), {"action": "publish"})
    assert response.status_code in DENIED
    assert not fresh(french_draft).live
    assert Revision.objects.count() == revisions
    # Wagtail's own edit view, once the translation is no longer synced to its source.
    Translation.objects.filter(target_locale=world.locales["fr"]).update(enabled=False)
    form = {
        "name": "SOS Amitié",
        "description": "",
        "country": "FR",
        "phone": "0000",
        "text": "",
        "chat_url": "",
        "website": "",
        "hours": "Never",
        "last_verified": "2026-09-01",
        "sort_order": "0",
        "action-publish": "action-publish",
    }
    client.post(edit_url(french_draft), form)
    stored = fresh(french_draft)
    assert not stored.live
    assert stored.live_revision is None
    assert CrisisHelpline.objects.for_locale(world.locales["fr"]) == [helpline]


@pytest.mark.django_db
def test_reviewer_approves_the_draft_and_it_goes_live(
    world, french_site, helpline, french_draft, client, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    workflow = french_draft.get_workflow()
    assert workflow.name == TRANSLATION_WORKFLOW
    state = workflow.start(french_draft, world.translator)
    state.refresh_from_db()
    task_state = state.current_task_state
    assert isinstance(task_state.task.specific, LocaleReviewTask)
    assert not fresh(french_draft).live
    # The language's reviewer is told, with a link to the snippet in the admin.
    sent = [m for m in mail.outbox if world.reviewer_fr.email in m.to]
    assert len(sent) == 1
    assert f"http://testserver{edit_url(french_draft)}" in sent[0].body
    assert str(french_draft) in sent[0].subject
    assert not [m for m in mail.outbox if world.translator.email in m.to]
    # Still hidden while under review.
    assert DRAFT_HOURS not in reader_pages(client)["/fr/"]
    # The French reviewer has it on their list; the German one does not.
    task = task_state.task.specific
    assert task_state in task.get_task_states_user_can_moderate(world.reviewer_fr)
    assert task_state not in task.get_task_states_user_can_moderate(world.reviewer_de)
    assert not task.get_actions(french_draft, world.reviewer_de)
    assert not task.get_actions(french_draft, world.translator)  # not their own work

    action = reverse(
        french_draft.snippet_viewset.get_url_name("workflow_action"),
        args=[quote(french_draft.pk), "approve", task_state.pk],
    )
    client.force_login(world.reviewer_de)
    client.post(action, {"comment": ""})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not fresh(french_draft).live

    client.force_login(world.reviewer_fr)
    client.post(action, {"comment": ""})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    stored = fresh(french_draft)
    assert stored.live and stored.hours == DRAFT_HOURS
    pages = reader_pages(client)
    for path, html in pages.items():
        assert DRAFT_HOURS in html, path
    assert CrisisHelpline.objects.for_locale(world.locales["fr"]) == [stored]


@pytest.mark.django_db
def test_moderator_publishes_the_draft_from_the_translation_editor(
    world, helpline, french_draft, client, django_capture_on_commit_callbacks
):
    client.force_login(world.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(french_draft), {"action": "publish"})
    assert response.status_code == 302
    stored = fresh(french_draft)
    assert stored.live
    assert stored.name == DRAFT_NAME
    assert stored.live_revision_id == stored.latest_revision_id
    assert CrisisHelpline.objects.for_locale(world.locales["fr"]) == [stored]


@pytest.mark.django_db
def test_moderator_edits_in_the_source_language_publish_directly(world, helpline, client):
    client.force_login(world.moderator)
    response = client.post(
        edit_url(helpline),
        {
            "name": "SOS Amitié",
            "description": "",
            "country": "FR",
            "phone": "09 72 39 40 51",
            "text": "",
            "chat_url": "",
            "website": "",
            "hours": "24 hours, every day",
            "last_verified": "2026-10-01",
            "sort_order": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    stored = fresh(helpline)
    assert stored.live and stored.phone == "09 72 39 40 51"
    assert not WorkflowState.objects.for_instance(stored).exists()


# Topics and audiences


@pytest.fixture
def anxiety(world):
    return published(TopicFactory.build(name="Anxiety", slug="anxiety"))


@pytest.fixture
def french_topic_draft(world, anxiety, client):
    client.force_login(world.translator)
    response = client.post(submit_url(anxiety), {"locales": [world.locales["fr"].pk]})
    assert response.status_code == 302
    fill_translation(
        anxiety, world.locales["fr"], {"Anxiety": "Anxiété (brouillon)"}, world.translator
    )
    draft = anxiety.get_translation(world.locales["fr"])
    assert not draft.live
    return draft


@pytest.mark.django_db
def test_topic_draft_translation_is_not_used_in_filters_or_labels(
    world, anxiety, french_topic_draft
):
    french = world.locales["fr"]
    vocabulary = Vocabulary(french)
    assert vocabulary.topics["anxiety"].name == "Anxiety"
    assert vocabulary.topic_names([anxiety, french_topic_draft]) == ["Anxiety", "Anxiety"]
    assert [term.name for term in terms_for_locale(Topic, french)] == ["Anxiety"]
    topics = locale_topics(french)
    assert topics["anxiety"].name == "Anxiety"

    # Once published, the translation replaces the source name everywhere.
    published(french_topic_draft)
    assert Vocabulary(french).topics["anxiety"].name == "Anxiété (brouillon)"
    assert [term.name for term in terms_for_locale(Topic, french)] == ["Anxiété (brouillon)"]


@pytest.mark.django_db
def test_terms_never_published_are_no_filter_and_no_label(world, locales):
    live = published(AudienceFactory.build(name="Parents", slug="parents"))
    draft = AudienceFactory(name="Grandparents", slug="grandparents", live=False)
    vocabulary = Vocabulary(locales["fr"])
    assert list(vocabulary.audiences) == ["parents"]
    assert vocabulary.audience_names([live, draft]) == ["Parents"]
    assert [term.slug for term in terms_for_locale(Audience, locales["fr"])] == ["parents"]


@pytest.mark.django_db
def test_story_topic_names_skip_draft_translations(world, anxiety, french_topic_draft, locales):
    from tests.stories.factories import StoryPageFactory

    story = StoryPageFactory.build(title="My story")
    story.topics = [anxiety, french_topic_draft]
    cards = with_topic_names([story], locale_topics(locales["fr"]))
    assert cards[0].card_topics == ["Anxiety", "Anxiety"]


@pytest.mark.django_db
def test_event_page_labels_skip_draft_translations(world, anxiety, french_topic_draft, locales):
    event = world.pages_a["event"]
    event.topics = [anxiety]
    event.save_revision().publish()
    french_event = event.copy_for_translation(locales["fr"], copy_parents=True).specific
    names = [term.name for term in french_event.localized_terms()[0]]
    assert names == ["Anxiety"]
    published(french_topic_draft)
    names = [term.name for term in fresh(french_event).localized_terms()[0]]
    assert names == ["Anxiété (brouillon)"]


@pytest.mark.django_db
def test_language_check_reads_the_snippets_draft_text(world, helpline, client, settings):
    from home.language_check.models import LanguageCheckTask, LanguageCheckTaskState

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(world.translator)
    client.post(submit_url(helpline), {"locales": [world.locales["fr"].pk]})
    unsafe = "Pour ceux qui ont commis un suicide, appelez"
    fill_translation(
        helpline, world.locales["fr"], {"24 hours, every day": unsafe}, world.translator
    )
    draft = helpline.get_translation(world.locales["fr"])
    state = draft.get_workflow().start(draft, world.translator)
    state.refresh_from_db()
    task_state = state.current_task_state.specific
    assert isinstance(task_state.task.specific, LanguageCheckTask)
    assert isinstance(task_state, LanguageCheckTaskState)
    # The check sends the draft back to its translator ("changes requested", issue #14):
    # the finding is in the step's comment, and nobody else is asked to act.
    assert task_state.status == task_state.STATUS_REJECTED
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert [f["matched"] for f in task_state.findings] == ["commis un suicide"]
    assert "commis un suicide" in task_state.get_comment()
    assert not [m for m in mail.outbox if world.moderator.email in m.to]
    assert not fresh(draft).live
