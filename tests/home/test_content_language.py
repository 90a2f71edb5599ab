"""Parts of a translated page still in the source language carry their own lang and dir,
and a page translated in part says so, at no query per block (home.content_language)."""

import pytest
from bs4 import BeautifulSoup

from home.content_language import ContentLanguage
from home.demo.building import translate_page
from tests.factories import StandardPageFactory
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

PARTIAL = "Parts of this page are not translated into your language yet."
PARTIAL_AR = "بعض أجزاء هذه الصفحة لم تُترجم إلى لغتك بعد."


def body(paragraphs=1):
    blocks = [
        {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
        {"type": "paragraph", "value": "<p>1 in 6 people live with a mental health problem.</p>"},
        {
            "type": "paragraph",
            "value": "<p>Talking helps.</p><p>Listening helps more.</p>",
        },
        {
            "type": "quote",
            "value": {"quote": "It was the first step.", "attribution": "Ana, 27"},
        },
    ]
    blocks += [
        {"type": "paragraph", "value": f"<p>Extra paragraph {n}.</p>"} for n in range(paragraphs)
    ]
    return blocks


ARABIC = {
    "About us": "من نحن",
    "Who we are.": "من نحن.",
    "Why it matters": "لماذا يهم ذلك",
    "Talking helps.": "الحديث يساعد.",
    "It was the first step.": "كانت الخطوة الأولى.",
}


def translated(page, strings, capture):
    with capture(execute=True):
        return translate_page(page, "ar", strings)


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main")


def test_untranslated_blocks_carry_the_source_language(
    client, translated_home, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(
        parent=translated_home["en"], slug="about", title="About us", summary="Who we are."
    )
    about.body = body()
    about.save_revision().publish()
    translated(about, ARABIC, django_capture_on_commit_callbacks)
    main = main_of(client, "/ar/about/")
    assert "lang" not in main.attrs  # the page itself is Arabic
    assert "lang" not in main.h1.attrs and main.h1.text == "من نحن"
    assert "lang" not in main.find("h2").attrs
    english = main.find(string=lambda text: "1 in 6" in text).find_parent("div")
    assert (english["lang"], english["dir"]) == ("en", "ltr")
    # Half translated: each paragraph takes its own direction (openly.css).
    mixed = main.find(string="Listening helps more.").find_parent("div")
    assert mixed["dir"] == "auto" and "lang" not in mixed.attrs
    # A quote translated, its attribution not: the name keeps its language, isolated.
    assert "lang" not in main.blockquote.attrs
    name = main.find("bdi")
    assert (name.text, name["lang"], name["dir"]) == ("Ana, 27", "en", "ltr")
    notice = main.find(class_="untranslated-notice--partial")
    assert notice is not None and PARTIAL_AR in notice.text


def test_a_complete_translation_and_the_source_page_carry_no_marks(
    client, translated_home, django_capture_on_commit_callbacks
):
    about = StandardPageFactory(
        parent=translated_home["en"], slug="about", title="About us", summary="Who we are."
    )
    about.body = body(paragraphs=0)
    about.save_revision().publish()
    everything = {
        **ARABIC,
        "1 in 6 people live with a mental health problem.": "شخص من كل 6 يعيش مع مشكلة نفسية.",
        "Listening helps more.": "الإصغاء يساعد أكثر.",
        "Ana, 27": "آنا، 27",
    }
    translated(about, everything, django_capture_on_commit_callbacks)
    for url in ("/ar/about/", "/en/about/"):
        main = main_of(client, url)
        assert not main.select("[lang]"), url
        assert not main.select('[dir="auto"]'), url
        assert not main.find(class_="untranslated-notice--partial"), url


def test_a_page_shown_untranslated_keeps_one_mark_for_all(client, translated_home):
    StandardPageFactory(parent=translated_home["en"], slug="about", title="About us")
    # Not translated into Arabic: the reader is offered the English page.
    response = client.get("/ar/about/")
    assert response.status_code == 404
    assert PARTIAL not in response.content.decode()


def test_the_marks_cost_no_query_per_block(
    client, translated_home, django_capture_on_commit_callbacks
):
    counts = []
    for number, paragraphs in enumerate((1, 20)):
        page = StandardPageFactory(
            parent=translated_home["en"], slug=f"page-{number}", title=f"About us {number}"
        )
        page.body = body(paragraphs)
        page.save_revision().publish()
        translated(page, ARABIC, django_capture_on_commit_callbacks)
        counts.append(warm_count(client, f"/ar/page-{number}/"))
    assert counts[0] == counts[1]


def test_a_preview_reads_the_translation_state_afresh(
    translated_home, django_capture_on_commit_callbacks, rf
):
    from home.content_language import content_language

    about = StandardPageFactory(parent=translated_home["en"], slug="about", title="About us")
    arabic = translated(about, {}, django_capture_on_commit_callbacks)
    request = rf.get("/")
    state = content_language(arabic, request)
    assert state.state("title") == "source"
    from wagtail_localize.models import StringSegment, StringTranslation

    segment = StringSegment.objects.select_related("string", "context").get(
        source__object_id=about.translation_key, context__path="title"
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=arabic.locale,
        context=segment.context,
        data="من نحن",
    )
    request.is_preview = True
    assert content_language(arabic, request).state("title") == "translated"


def test_states_by_field_block_and_child():
    block = "5d1f6a1e-1c8e-4f7a-9b7e-0a6b8c1d2e3f"
    item = "0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e"
    state = ContentLanguage(
        source="en",
        paths={
            "title": [1, 1],
            "summary": [0, 1],
            "intro": [1, 3],
            f"body.{block}.heading": [1, 1],
            f"body.{block}.items.{item}.question": [0, 1],
            f"body.{block}.items.{item}.answer": [0, 2],
            "sessions.9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d.title": [0, 1],
        },
    )
    assert state.state("title") == "translated"
    assert state.state("summary") == "source"
    assert state.state("intro") == "mixed"
    assert state.state("nothing") is None
    # A block of several fields, some translated: each field marks itself.
    assert state.state("body", block) == state.state(block) == "mixed"
    assert state.attributes(block) == ""
    assert state.state(block, "heading") == "translated"
    assert state.state(item) == "source"  # found wherever the list item sits
    assert state.state(item, "answer") == "source"
    # A name that is also a field must not match a block's child of that name.
    assert state.state("heading") is None
    # A block rendered outside its page (no id) is never marked.
    assert state.state("", "heading") is None and state.state(None) is None
    assert str(state.attributes("summary")) == ' lang="en" dir="ltr"'
    assert str(state.attributes("intro")) == ' dir="auto"'
    assert state.attributes("title") == ""
    assert (state.translated, state.total, state.complete) == (3, 10, False)
    assert ContentLanguage(source="ar", paths={"a": [0, 1]}).attributes("a") == (
        ' lang="ar" dir="rtl"'
    )


def test_helplines_say_which_parts_are_in_the_source_language(
    client, translated_home, django_capture_on_commit_callbacks
):
    from home.demo.building import translate_snippet
    from tests.factories import CrisisHelplineFactory, GetHelpPageFactory

    get_help = GetHelpPageFactory(parent=translated_home["en"], slug="get-help")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(get_help, "ar", {})
    translated_line = CrisisHelplineFactory(
        name="Suicide prevention line", description="Someone listens, day and night."
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_snippet(translated_line, "ar", {"Suicide prevention line": "خط منع الانتحار"})
    CrisisHelplineFactory(name="SOS Amitié", country="FR", description="Listening, all night.")
    main = main_of(client, "/ar/get-help/")
    translated_name = main.find("h3", string="خط منع الانتحار")
    assert "lang" not in translated_name.attrs
    # Its description was not translated: it says it is English.
    description = translated_name.find_next_sibling("p")
    assert (description["lang"], description["dir"]) == ("en", "ltr")
    # A helpline with no Arabic version is shown whole in English, and says so.
    untranslated = main.find("h3", string="SOS Amitié")
    assert untranslated["lang"] == "en"
    # So does the crisis banner, in the entries it swaps in for a chosen country.
    banner = BeautifulSoup(client.get("/ar/").content, "html.parser").find(class_="crisis-banner")
    french = BeautifulSoup(
        banner.find("template", {"data-country": "FR"}).decode_contents(), "html.parser"
    )
    entries = {item.get_text(" ", strip=True).split(":")[0]: item for item in french.find_all("li")}
    assert entries["SOS Amitié"]["lang"] == "en"
    assert "lang" not in entries["خط منع الانتحار"].attrs
