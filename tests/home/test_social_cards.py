"""Social cards: a 1200 × 630 picture per campaign, story, event and resource, drawn in the
page's language (Arabic joined and right to left), kept per revision, served at a stable
address, drawn again on publication and removed with the page; an editor's share image
wins."""

import io
import os

import arabic_reshaper
import pytest
from bidi import get_display
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.test import override_settings
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat
from wagtail.images.models import Image as WagtailImage
from wagtail.images.tests.utils import get_test_image_file

from home.social_cards import drawing, store
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

ARABIC = "الصحة النفسية"


def ink_box(image):
    """The bounding box of what differs from the card's ground colour."""
    ground = Image.new("RGB", image.size, drawing.GROUND)
    return ImageChops.difference(image.convert("RGB"), ground).getbbox()


def text_only(text, raqm, rtl=True):
    """``text`` alone drawn by the card's writer on a blank card-sized image."""
    card = drawing.CardText(label="", title=text, language="ar", rtl=rtl)
    writer = drawing.Writer(card, raqm=raqm)
    image = Image.new("RGB", (drawing.WIDTH, 120), drawing.GROUND)
    writer.draw(ImageDraw.Draw(image), 10, text, writer.font(drawing.BOLD, 60), drawing.INK)
    return image


def needs_raqm():
    """Skip a test of libraqm's layout where this Pillow has none (a developer's own build);
    on CI, where the locked Pillow has it, its absence is a failure, never a skip."""
    if not drawing.has_raqm():
        if os.environ.get("CI"):
            pytest.fail("This Pillow has no libraqm: the locked wheel should bring it")
        pytest.skip("this Pillow has no libraqm")


def same(first, second):
    return ImageChops.difference(first, second).getbbox() is None


@pytest.mark.parametrize("raqm", [True, False])
def test_a_card_is_1200_by_630_in_every_layout(raqm):
    if raqm:
        needs_raqm()
    png = drawing.render_png(drawing.CardText("Campaign", "Mental Health Week"), raqm=raqm)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 630)


def test_the_reshaper_joins_arabic_letters_and_orders_them_right_to_left():
    """Without libraqm the card draws presentation forms in display order: the letters of
    'سلام' become their joined forms (an initial seen, the lam-alef ligature after it, an
    isolated meem), in display order: the last letter leftmost."""
    shaped = get_display(arabic_reshaper.reshape("سلام"), base_dir="R")
    assert [hex(ord(c)) for c in shaped] == ["0xfee1", "0xfefc", "0xfeb3"]


def glyph_difference(first, second):
    """How much two drawings of a word differ in shape (0: identical), each cropped to its
    ink and scaled to the first one's size: a pixel or two of spacing does not count."""
    first = first.convert("L").crop(ink_box(first))
    second = second.convert("L").crop(ink_box(second)).resize(first.size)
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


def test_arabic_is_drawn_joined_whatever_the_layout():
    """libraqm's shaping and the reshaper's presentation forms draw the same joined word;
    the letters unshaped (isolated forms, left to right) look nothing like it and are
    much wider."""
    needs_raqm()
    with_raqm = text_only(ARABIC, raqm=True)
    with_reshaper = text_only(ARABIC, raqm=False)
    font = ImageFont.truetype(str(drawing.BOLD), 60, layout_engine=ImageFont.Layout.BASIC)
    unshaped = Image.new("RGB", with_raqm.size, drawing.GROUND)
    ImageDraw.Draw(unshaped).text(
        (drawing.WIDTH - drawing.MARGIN, 10), ARABIC, font=font, fill=drawing.INK, anchor="ra"
    )
    shaped_box, reshaped_box, unshaped_box = map(ink_box, (with_raqm, with_reshaper, unshaped))
    assert abs((shaped_box[2] - shaped_box[0]) - (reshaped_box[2] - reshaped_box[0])) <= 4
    assert (unshaped_box[2] - unshaped_box[0]) > 1.2 * (shaped_box[2] - shaped_box[0])
    assert glyph_difference(with_raqm, with_reshaper) < 8
    assert glyph_difference(with_raqm, unshaped) > 30


def test_an_arabic_card_starts_at_the_right_and_an_english_one_at_the_left():
    arabic = drawing.render(drawing.CardText("حملة", ARABIC, language="ar", rtl=True))
    english = drawing.render(drawing.CardText("Campaign", "Stigma", language="en"))
    band = (0, 240, drawing.WIDTH, 330)  # the title's first line
    arabic_ink = ImageChops.difference(
        arabic.crop(band), Image.new("RGB", (drawing.WIDTH, 90), drawing.GROUND)
    ).getbbox()
    english_ink = ink_box(english.crop(band))
    assert arabic_ink[2] == pytest.approx(drawing.WIDTH - drawing.MARGIN, abs=6)
    assert english_ink[0] == pytest.approx(drawing.MARGIN, abs=6)


def test_a_long_title_is_shortened_to_fit_with_an_ellipsis():
    card = drawing.CardText("Story", "word " * 200)
    writer = drawing.Writer(card)
    font = writer.font(drawing.BOLD, drawing.TITLE_SIZES[-1])
    lines, fits = writer.wrap(card.title, font, 800, 3)
    assert not fits and len(lines) == 3 and lines[-1].endswith("…")
    assert all(writer.width(line, font) <= 800 for line in lines)


# --- Pages, storage and the address ---------------------------------------------------


@pytest.fixture
def pages(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    campaigns = CampaignIndexPageFactory(parent=home_page)
    stories = StoryIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    return {
        "campaign": CampaignPageFactory(parent=campaigns, title="Week", slug="week"),
        "story": StoryPageFactory(parent=stories, title="My words", slug="words"),
        "event": EventPageFactory(parent=events, title="Talk", slug="talk"),
    }


def _card(client, page):
    response = client.get(f"/social-cards/{page.pk}.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    return Image.open(io.BytesIO(response.content))


@pytest.mark.django_db
def test_the_card_is_drawn_once_and_kept_per_revision(client, pages):
    page = pages["campaign"]
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert _card(client, page).size == (1200, 630)
    name = f"social-cards/{page.pk}/en-{revision.pk}-v{store.DRAWING_VERSION}.png"
    assert default_storage.exists(name)
    kept = default_storage.open(name).read()
    assert client.get(f"/social-cards/{page.pk}.png").content == kept


@pytest.mark.django_db
def test_an_arabic_translation_gets_its_own_card(client, pages, locales):
    page = pages["story"]
    translated_home = page.get_parent().get_parent().copy_for_translation(locales["ar"])
    translated_home.save_revision().publish()
    index = page.get_parent().copy_for_translation(locales["ar"])
    index.save_revision().publish()
    arabic = page.copy_for_translation(locales["ar"])
    arabic.title = ARABIC
    arabic.save_revision().publish()
    arabic.refresh_from_db()
    english, shown = _card(client, page), _card(client, arabic)
    assert not same(english.convert("RGB"), shown.convert("RGB"))
    assert store.card_name(arabic).startswith(f"social-cards/{arabic.pk}/ar-")
    assert store.card_text(arabic).rtl and store.card_text(arabic).label == "قصة"


@pytest.mark.django_db
def test_only_live_public_pages_with_cards_answer(client, pages, home_page):
    assert client.get(f"/social-cards/{home_page.pk}.png").status_code == 404
    assert client.get("/social-cards/999999.png").status_code == 404
    page = pages["story"]
    page.unpublish()
    assert client.get(f"/social-cards/{page.pk}.png").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_publication_draws_the_new_card_and_removal_deletes_them(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.OPENLY_SOCIAL_CARDS_ON_PUBLISH = True
    stories = StoryIndexPageFactory(parent=home_page)
    page = StoryPageFactory(parent=stories, title="First title", slug="words")
    page.save_revision().publish()
    first = store.card_name(type(page).objects.get(pk=page.pk))
    assert default_storage.exists(first)
    page.title = "Second title"
    page.save_revision().publish()
    second = store.card_name(type(page).objects.get(pk=page.pk))
    assert second != first
    assert default_storage.exists(second) and not default_storage.exists(first)
    page.unpublish()
    assert not default_storage.exists(second)
    page.save_revision().publish()
    assert store._kept_names(page.pk)
    page.delete()
    assert store._kept_names(page.pk) == []


@pytest.mark.django_db
def test_the_editors_share_image_wins(client, pages):
    page = pages["event"]
    page.share_image = WagtailImage.objects.create(
        title="Poster", file=get_test_image_file(size=(1400, 800))
    )
    page.share_image_alt = "People talking in a library"
    page.save_revision().publish()
    html = client.get("/en/events/talk/").content.decode()
    assert 'property="og:image" content="http://testserver/media/images/' in html
    assert "/social-cards/" not in html
    assert '<meta property="og:image:alt" content="People talking in a library">' in html


@pytest.mark.django_db
def test_a_share_image_needs_its_alt_text(pages):
    page = pages["campaign"]
    page.share_image = WagtailImage.objects.create(title="x", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "share_image_alt" in error.value.message_dict


@override_settings(OPENLY_SITE_URL="https://mhw.example.org")
@pytest.mark.django_db
def test_the_card_address_uses_the_configured_site(client, pages):
    html = client.get("/en/stories/words/").content.decode()
    page = pages["story"]
    expected = f"https://mhw.example.org/social-cards/{page.pk}.png?v=0"
    assert f'<meta property="og:image" content="{expected}">' in html
