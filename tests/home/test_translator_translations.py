"""Translators start wagtail-localize translations themselves, into their assigned languages
only (home.cocreation.localize); moderators and administrators into every language. Every refused
attempt leaves the database as it was."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve, reverse
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.views.report import TranslationsReportView

from home.cocreation import localize
from home.cocreation.models import LocaleAssignment, LocaleReviewTask
from home.cocreation.roles import TRANSLATORS
from home.cocreation.workflows import TRANSLATION_WORKFLOW
from tests.factories import AudienceFactory, CrisisHelplineFactory, TopicFactory
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh, make_user

world = factories.world  # the shared co-creation fixture

LABEL = CONTENT_TYPES[0][0]
DENIED = {302, 403}  # the admin redirects a refused request to the dashboard


SNIPPET_FACTORIES = {
    "topic": TopicFactory,
    "audience": AudienceFactory,
    "crisishelpline": CrisisHelplineFactory,
}


def rows():
    """What a refused attempt must not change."""
    return {
        **{
            name: factory._meta.model.objects.count() for name, factory in SNIPPET_FACTORIES.items()
        },
        "pages": Page.objects.count(),
        "translations": Translation.objects.count(),
        "sources": TranslationSource.objects.count(),
        "revisions": Revision.objects.count(),
        "string_translations": StringTranslation.objects.count(),
    }


def offered(response):
    """The language codes the "Translate" form offers, as rendered."""
    ids = re.findall(r'<input[^>]*name="locales"[^>]*value="(\d+)"', response.content.decode())
    ids += re.findall(r'<input[^>]*value="(\d+)"[^>]*name="locales"', response.content.decode())
    return set(Locale.objects.filter(pk__in=ids).values_list("language_code", flat=True))


def every_language_but(*codes):
    return set(
        Locale.objects.exclude(language_code__in=codes).values_list("language_code", flat=True)
    )


def shown(message):
    """``message`` as it appears in the rendered HTML."""
    return escape(str(message))


def page_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def field_errors(response):
    return response.context["form"].errors.get("locales", [])


@pytest.fixture
def page(world):
    return world.pages_a[LABEL]


def test_wagtail_localize_paths_resolve_to_the_narrowed_views():
    page_view = resolve(reverse("wagtail_localize:submit_page_translation", args=[3]))
    assert page_view.func.view_class is localize.SubmitPageTranslationToAssignedLocalesView
    snippet_view = resolve(
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "topic", "1"])
    )
    assert snippet_view.func.view_class is localize.SubmitSnippetTranslationToAssignedLocalesView
    sync_view = resolve(reverse("wagtail_localize:update_translations", args=[1]))
    assert sync_view.func.view_class is localize.SyncTranslationsWithoutPublishingView
    # wagtail-localize's other URL names still work; its report is narrowed to the story
    # title rule (campaigns.stories.admin_reports) but stays wagtail-localize's view.
    report = resolve(reverse("wagtail_localize:translations_report"))
    assert issubclass(report.func.view_class, TranslationsReportView)


@pytest.mark.django_db
def test_translators_role_may_submit_translations(world):
    group = Group.objects.get(name=TRANSLATORS)
    assert group.permissions.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).exists()
    assert world.translator.has_perm("wagtail_localize.submit_translation")


@pytest.mark.django_db
def test_translator_is_offered_only_assigned_languages(world, page, client):
    client.force_login(world.translator)
    response = client.get(page_url(page))
    assert response.status_code == 200
    assert offered(response) == {"fr"}
    assert shown(localize.CHOOSE_ASSIGNED_LOCALES) in response.content.decode()
    LocaleAssignment.objects.create(
        user=world.translator, locale=world.locales["uk"], role="translator"
    )
    # A reviewer assignment is not a translator assignment.
    LocaleAssignment.objects.create(
        user=world.translator, locale=world.locales["de"], role="reviewer"
    )
    assert offered(client.get(page_url(page))) == {"fr", "uk"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_moderators_and_administrators_are_offered_every_language(world, page, client, role):
    client.force_login(getattr(world, role))
    response = client.get(page_url(page))
    assert response.status_code == 200
    assert offered(response) == every_language_but("en")


@pytest.mark.django_db
def test_moderator_who_also_translates_is_not_limited(world, page, client):
    from home.cocreation.roles import MODERATORS

    world.translator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(world.translator)
    assert offered(client.get(page_url(page))) == every_language_but("en")


@pytest.mark.django_db
def test_translators_draft_goes_live_only_through_review(world, page, client):
    client.force_login(world.translator)
    response = client.post(page_url(page), {"locales": [world.locales["fr"].pk]})
    french = page.get_translation(world.locales["fr"]).specific
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[french.pk])
    assert not french.live
    assert Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=world.locales["fr"], enabled=True
    ).exists()
    # Nothing was created in any other language.
    assert not page.get_translations().exclude(locale=world.locales["fr"]).exists()
    # The translator works on it in wagtail-localize's editor but cannot publish it.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]
    refused = client.post(
        reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"}
    )
    assert refused.status_code in DENIED
    assert not fresh(french).live
    # Review is the way live.
    assert french.get_workflow().name == TRANSLATION_WORKFLOW
    french.save_revision(user=world.translator)
    state = french.get_workflow().start(french, world.translator)
    state.refresh_from_db()
    assert isinstance(state.current_task_state.task.specific, LocaleReviewTask)
    assert not fresh(french).live
    client.force_login(world.reviewer_fr)
    task_state = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[french.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert fresh(french).live


@pytest.mark.django_db
@pytest.mark.parametrize("codes", [["de"], ["fr", "de"]])
def test_translator_cannot_translate_into_an_unassigned_language(world, page, client, codes):
    client.force_login(world.translator)
    before = rows()
    response = client.post(page_url(page), {"locales": [world.locales[c].pk for c in codes]})
    assert response.status_code == 200
    assert field_errors(response) == [str(localize.ONLY_ASSIGNED_LOCALES)]
    assert shown(localize.ONLY_ASSIGNED_LOCALES) in response.content.decode()
    assert rows() == before
    assert not page.get_translations().exists()


@pytest.mark.django_db
def test_moderator_translates_into_any_language(world, page, client):
    client.force_login(world.moderator)
    response = client.post(page_url(page), {"locales": [world.locales["de"].pk]})
    assert response.status_code == 302
    german = page.get_translation(world.locales["de"])
    assert not german.live


@pytest.mark.django_db
def test_subtree_is_translated_only_into_assigned_languages(world, client):
    index = world.indexes[LABEL]
    children = index.get_descendants().count()
    assert children >= 2
    client.force_login(world.translator)
    before = rows()
    refused = client.post(
        page_url(index), {"locales": [world.locales["de"].pk], "include_subtree": "on"}
    )
    assert field_errors(refused) == [str(localize.ONLY_ASSIGNED_LOCALES)]
    assert rows() == before
    response = client.post(
        page_url(index), {"locales": [world.locales["fr"].pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    french = Page.objects.filter(locale=world.locales["fr"])
    assert french.descendant_of(index.get_translation(world.locales["fr"])).count() == children
    # The whole subtree waits for review as drafts; nothing appeared in another language.
    assert not french.filter(depth__gt=index.depth, live=True).exists()
    assert set(Page.objects.values_list("locale__language_code", flat=True)) == {"en", "fr"}


@pytest.mark.django_db
def test_translator_without_a_language_is_told_and_can_start_nothing(world, page, client):
    newcomer = make_user("newcomer", [TRANSLATORS])
    client.force_login(newcomer)
    response = client.get(page_url(page))
    assert response.status_code == 200
    assert offered(response) == set()
    assert shown(localize.NO_LOCALE_ASSIGNED) in response.content.decode()
    before = rows()
    response = client.post(page_url(page), {"locales": [world.locales["fr"].pk]})
    assert response.status_code == 200
    assert field_errors(response) == [str(localize.ONLY_ASSIGNED_LOCALES)]
    assert rows() == before


@pytest.mark.django_db
def test_translator_is_told_when_every_assigned_language_is_done(world, page, client):
    client.force_login(world.translator)
    client.post(page_url(page), {"locales": [world.locales["fr"].pk]})
    response = client.get(page_url(page))
    assert offered(response) == set()
    assert shown(localize.ALL_ASSIGNED_LOCALES_TRANSLATED) in response.content.decode()
    before = rows()
    response = client.post(page_url(page), {"locales": [world.locales["fr"].pk]})
    assert field_errors(response) == [str(localize.ONLY_ASSIGNED_LOCALES)]
    assert rows() == before


@pytest.fixture
def translated(world, page, client):
    """The page translated into French and German by a moderator (drafts)."""
    client.force_login(world.moderator)
    client.post(page_url(page), {"locales": [world.locales[c].pk for c in ("fr", "de")]})
    source = TranslationSource.objects.get(object_id=page.translation_key)
    client.logout()
    return source


def sync_url(source):
    return reverse("wagtail_localize:update_translations", args=[source.pk])


@pytest.mark.django_db
def test_translator_syncs_without_publishing_any_language(world, page, client, translated):
    client.force_login(world.translator)
    response = client.get(sync_url(translated))
    assert response.status_code == 200
    assert "publish_translations" not in response.context["form"].fields
    html = response.content.decode()
    assert 'name="publish_translations"' not in html
    assert shown(localize.SYNC_WITHOUT_PUBLISHING) in html
    page.title = "Talk about it, updated"
    page.save_revision().publish()
    response = client.post(sync_url(translated), {"publish_translations": "on"})
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.stringsegment_set.filter(string__data="Talk about it, updated").exists()
    for code in ("fr", "de"):
        assert not page.get_translation(world.locales[code]).live


@pytest.mark.django_db
def test_moderator_keeps_the_publish_option_when_syncing(world, client, translated):
    client.force_login(world.moderator)
    response = client.get(sync_url(translated))
    assert response.status_code == 200
    assert "publish_translations" in response.context["form"].fields
    assert shown(localize.SYNC_WITHOUT_PUBLISHING) not in response.content.decode()


@pytest.mark.django_db
def test_only_submit_translation_holders_reach_the_views(world, page, client):
    client.force_login(world.editor_a)
    before = rows()
    assert client.get(page_url(page)).status_code in DENIED
    response = client.post(page_url(page), {"locales": [world.locales["fr"].pk]})
    assert response.status_code in DENIED
    assert rows() == before


@pytest.mark.django_db
def test_translate_and_sync_pages_render_for_translator_and_moderator(
    world, page, client, translated
):
    for user in (world.translator, world.moderator):
        client.force_login(user)
        assert client.get(page_url(page)).status_code == 200
        assert client.get(sync_url(translated)).status_code == 200
        explorer = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
        assert explorer.status_code == 200


# Snippets


def snippet_url(instance):
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[instance._meta.app_label, instance._meta.model_name, instance.pk],
    )


def snippet_edit_url(instance):
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


@pytest.mark.django_db
def test_translators_edit_every_translatable_snippet_but_add_or_delete_none(world):
    from wagtail.models import TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    translatable = [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]
    assert {m._meta.model_name for m in translatable} == set(SNIPPET_FACTORIES)
    for model in translatable:
        label = f"{model._meta.app_label}.{{}}_{model._meta.model_name}"
        assert world.translator.has_perm(label.format("view"))
        assert world.translator.has_perm(label.format("change"))
        assert not world.translator.has_perm(label.format("add"))
        assert not world.translator.has_perm(label.format("delete"))


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", list(SNIPPET_FACTORIES))
def test_translator_translates_snippets_into_assigned_languages_only(world, client, model_name):
    source = SNIPPET_FACTORIES[model_name]()
    client.force_login(world.translator)
    response = client.get(snippet_url(source))
    assert response.status_code == 200
    assert offered(response) == {"fr"}
    before = rows()
    refused = client.post(snippet_url(source), {"locales": [world.locales["de"].pk]})
    assert refused.status_code == 200
    assert field_errors(refused) == [str(localize.ONLY_ASSIGNED_LOCALES)]
    assert rows() == before
    response = client.post(snippet_url(source), {"locales": [world.locales["fr"].pk]})
    french = source.get_translation(world.locales["fr"])
    assert response.status_code == 302
    assert response["Location"] == snippet_edit_url(french)
    assert set(source.get_translations().values_list("locale__language_code", flat=True)) == {"fr"}
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale=world.locales["fr"]
    ).exists()
    # The translator goes on in wagtail-localize's editor, in French only.
    editor = client.get(snippet_edit_url(french))
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]
    assert client.get(snippet_edit_url(source)).status_code in DENIED


@pytest.mark.django_db
def test_moderator_is_offered_every_language_for_snippets(world, client):
    source = TopicFactory()
    client.force_login(world.moderator)
    assert offered(client.get(snippet_url(source))) == every_language_but("en")


@pytest.fixture
def topic_translations(world, client):
    """A topic translated into French and German by a moderator: {code: Translation}."""
    source = TopicFactory(name="Stigma", slug="stigma")
    client.force_login(world.moderator)
    client.post(snippet_url(source), {"locales": [world.locales[c].pk for c in ("fr", "de")]})
    client.logout()
    return {
        translation.target_locale.language_code: translation
        for translation in Translation.objects.filter(source__object_id=source.translation_key)
    }


def put_string(client, translation, value):
    segment = translation.source.stringsegment_set.get(context__path="name")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


@pytest.mark.django_db
def test_translation_editor_endpoints_keep_translators_to_their_snippet_languages(
    world, client, topic_translations
):
    client.force_login(world.translator)
    assert put_string(client, topic_translations["fr"], "Stigmatisation").status_code in {
        200,
        201,
    }
    assert StringTranslation.objects.filter(
        locale=world.locales["fr"], data="Stigmatisation"
    ).exists()
    german = topic_translations["de"]
    before = rows()
    assert put_string(client, german, "Gehackt").status_code in DENIED
    stop = reverse("wagtail_localize:stop_translation", args=[german.pk])
    assert client.post(stop, {"next": "/admin/"}).status_code in DENIED
    assert rows() == before
    german.refresh_from_db()
    assert german.enabled
    # Those not limited to languages work in every language.
    client.force_login(world.admin)
    assert put_string(client, german, "Stigma").status_code in {200, 201}


@pytest.mark.django_db
def test_translation_editor_endpoints_leave_pages_to_page_permissions(world, page, client):
    client.force_login(world.moderator)
    client.post(page_url(page), {"locales": [world.locales[c].pk for c in ("fr", "de")]})
    translations = {
        t.target_locale.language_code: t
        for t in Translation.objects.filter(source__object_id=page.translation_key)
    }
    client.force_login(world.translator)
    segment = translations["fr"].source.stringsegment_set.get(context__path="title")

    def put(translation):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        body = urlencode({"value": "Parlons-en"})
        return client.put(url, body, content_type="application/x-www-form-urlencoded")

    assert put(translations["fr"]).status_code in {200, 201}
    assert put(translations["de"]).status_code in DENIED


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", list(SNIPPET_FACTORIES))
def test_snippet_screens_render_for_translator_and_moderator(world, client, model_name):
    source = SNIPPET_FACTORIES[model_name]()
    listing = reverse(f"wagtailsnippets_home_{model_name}:list")
    client.force_login(world.translator)
    assert client.get(listing).status_code == 200
    assert client.get(snippet_url(source)).status_code == 200
    client.force_login(world.moderator)
    assert client.get(snippet_url(source)).status_code == 200
    if world.moderator.has_perm(f"home.view_{model_name}"):
        assert client.get(listing).status_code == 200


# The "Translate" item in listings


def listed_translate_links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_page_listing_offers_translate_only_with_an_assigned_language_left(world, page, client):
    explorer = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    link = f'href="{page_url(page)}"'
    client.force_login(world.translator)
    assert link in listed_translate_links(client, explorer)
    client.post(page_url(page), {"locales": [world.locales["fr"].pk]})
    assert link not in listed_translate_links(client, explorer)
    # Other languages are still open to a moderator.
    client.force_login(world.moderator)
    assert link in listed_translate_links(client, explorer)
    client.force_login(make_user("newcomer", [TRANSLATORS]))
    assert link not in listed_translate_links(client, explorer)


@pytest.mark.django_db
def test_snippet_listing_offers_translate_only_with_an_assigned_language_left(world, client):
    source = TopicFactory(name="Stigma", slug="stigma")
    listing = reverse("wagtailsnippets_home_topic:list")
    link = f'href="{snippet_url(source)}"'
    client.force_login(world.translator)
    assert link in listed_translate_links(client, listing)
    client.post(snippet_url(source), {"locales": [world.locales["fr"].pk]})
    assert link not in listed_translate_links(client, listing)
    client.force_login(world.admin)
    assert link in listed_translate_links(client, listing)
    client.force_login(make_user("newcomer", [TRANSLATORS]))
    assert link not in listed_translate_links(client, listing)
