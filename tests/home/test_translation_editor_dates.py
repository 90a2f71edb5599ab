"""Every date wagtail-localize's translation editor shows comes through Django's formats in
the admin user's language and time zone (it writes them with strftime: English month names,
the UTC day): each string's "Translated manually on …" note, in the page and in the answer
to saving a string, and the date of the last publication."""

import datetime
import json
import re
from urllib.parse import urlencode

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Revision
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.demo.building import translate_page
from tests.home import factories
from tests.home.factories import CONTENT_TYPES, fresh

world = factories.world

LABEL = CONTENT_TYPES[0][0]
# 23:30 on 29 November in UTC is already 30 November in Brussels (the admin's time zone).
LATE_EVENING_UTC = datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC)


def editor_props(html):
    found = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def french(world):
    """A live French translation (its title translated) published late on 29 November UTC."""
    source_page = world.pages_a[LABEL]
    page = translate_page(source_page, "fr", {source_page.title: "Parlons-en"})
    page.save_revision(user=world.moderator).publish(user=world.moderator)
    page = fresh(page)
    assert page.live
    Revision.objects.filter(pk=page.live_revision_id).update(created_at=LATE_EVENING_UTC)
    StringTranslation.objects.filter(locale__language_code="fr").update(
        updated_at=LATE_EVENING_UTC, translation_type="manual", tool_name=""
    )
    return fresh(page)


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


@pytest.mark.django_db
def test_the_editor_dates_read_in_french(world, french, client):
    speaks(world.translator, "fr")
    client.force_login(world.translator)
    props = editor_props(edit(client, french))
    assert props["object"]["lastPublishedDate"] == "30 novembre 2026"
    notes = {entry["comment"] for entry in props["initialStringTranslations"]}
    assert notes == {"Traduit manuellement le 30 novembre 2026"}
    assert "November" not in json.dumps(props)


@pytest.mark.django_db
def test_a_machine_or_tool_translation_note_reads_in_french(world, french, client):
    StringTranslation.objects.filter(locale__language_code="fr").update(tool_name="DeepL")
    speaks(world.translator, "fr")
    client.force_login(world.translator)
    props = editor_props(edit(client, french))
    notes = {entry["comment"] for entry in props["initialStringTranslations"]}
    assert notes == {"Traduit avec DeepL le 30 novembre 2026"}


@pytest.mark.django_db
def test_the_editor_dates_read_in_english_for_an_english_admin(world, french, client):
    speaks(world.translator, "en")
    client.force_login(world.translator)
    props = editor_props(edit(client, french))
    # Django's English format, as the rest of the admin writes dates; the Brussels day.
    with translation.override("en"):
        day = date_format(datetime.date(2026, 11, 30), "DATE_FORMAT")
    assert day == "Nov. 30, 2026"
    assert props["object"]["lastPublishedDate"] == day
    notes = {entry["comment"] for entry in props["initialStringTranslations"]}
    assert notes == {f"Translated manually on {day}"}


@pytest.mark.django_db
def test_saving_a_string_answers_with_a_french_note(world, french, client):
    speaks(world.translator, "fr")
    client.force_login(world.translator)
    source = TranslationSource.objects.get(
        object_id=french.translation_key, locale__language_code="en"
    )
    translation = Translation.objects.get(source=source, target_locale=french.locale)
    segment = source.stringsegment_set.exclude(string__data=world.pages_a[LABEL].title).first()
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        response = client.put(
            url,
            urlencode({"value": "Une conversation ouverte"}),
            content_type="application/x-www-form-urlencoded",
        )
    assert response.status_code == 201
    assert response.json()["comment"] == "Traduit manuellement le 30 novembre 2026"
