"""wagtail-localize's "Translate this page" form ticks the language when the choice is plain:
a translator's only language; of several, the one their admin is in; otherwise none (and a
language asked for in the address stays)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.cocreation.models import LocaleAssignment
from home.cocreation.roles import TRANSLATORS
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, make_user

world = factories.world

LABEL = CONTENT_TYPES[0][0]


def form_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def _codes(ids):
    return set(Locale.objects.filter(pk__in=ids).values_list("language_code", flat=True))


def offered_and_ticked(response):
    """The language codes the form offers, and those it has ticked, as rendered."""
    inputs = re.findall(r'<input[^>]*name="locales"[^>]*>', response.content.decode())
    values = {tag: re.search(r'value="(\d+)"', tag).group(1) for tag in inputs}
    ticked = [value for tag, value in values.items() if re.search(r"\schecked\b", tag)]
    return _codes(values.values()), _codes(ticked)


def translator(username, codes, admin_language=None):
    user = make_user(username, [TRANSLATORS])
    for code in codes:
        LocaleAssignment.objects.create(
            user=user, locale=Locale.objects.get(language_code=code), role="translator"
        )
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    return user


@pytest.fixture
def page(world):
    return world.pages_a[LABEL]


@pytest.mark.django_db
def test_a_translators_only_language_is_ticked(world, page, client):
    client.force_login(world.translator)  # French only
    assert offered_and_ticked(client.get(form_url(page))) == ({"fr"}, {"fr"})


@pytest.mark.django_db
def test_of_several_languages_the_admins_own_is_ticked(world, page, client):
    client.force_login(translator("frde", ["fr", "de"], admin_language="de"))
    assert offered_and_ticked(client.get(form_url(page))) == ({"fr", "de"}, {"de"})


@pytest.mark.django_db
def test_of_several_languages_none_is_ticked_when_the_admin_is_in_another(world, page, client):
    client.force_login(translator("frde_en", ["fr", "de"], admin_language="en"))
    assert offered_and_ticked(client.get(form_url(page))) == ({"fr", "de"}, set())


@pytest.mark.django_db
def test_a_language_asked_for_in_the_address_stays_the_one_ticked(world, page, client):
    client.force_login(translator("frde_asked", ["fr", "de"], admin_language="de"))
    response = client.get(form_url(page) + "?select_locale=fr")
    assert offered_and_ticked(response) == ({"fr", "de"}, {"fr"})


@pytest.mark.django_db
def test_a_moderator_offered_every_language_gets_none_ticked(world, page, client):
    client.force_login(world.moderator)
    offered, ticked = offered_and_ticked(client.get(form_url(page)))
    assert len(offered) > 2 and ticked == set()


@pytest.mark.django_db
def test_submitting_the_ticked_language_translates_into_it(world, page, client):
    client.force_login(world.translator)
    _offered, ticked = offered_and_ticked(client.get(form_url(page)))
    assert ticked == {"fr"}
    french = Locale.objects.get(language_code="fr")
    response = client.post(form_url(page), {"locales": [french.pk]})
    assert response.status_code == 302
    assert page.get_translation_or_none(french) is not None
