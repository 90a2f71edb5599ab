"""Drawing a social card: a 1200 × 630 PNG with the page's kind, title and a short note in
the coalition's colours, laid out from the right in right-to-left languages.

Arabic letters change shape with their neighbours and right-to-left runs are reordered
around numbers and Latin words. Pillow does both through libraqm (with FriBiDi and
HarfBuzz) when its build has it, as the PyPI wheels do on a system with libfribidi; without
it, ``arabic_reshaper`` gives the joined letter forms and ``python-bidi`` the display order,
and Pillow's basic layout draws them as they come. The fonts are DejaVu Sans (Latin, Greek,
Cyrillic and Arabic in one family), kept beside this module: nothing is fetched.
"""

import io
from dataclasses import dataclass
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
FONTS = Path(__file__).resolve().parent / "fonts"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
REGULAR = FONTS / "DejaVuSans.ttf"
# The site's palette (site/static/css/openly.css): brand-dark ground, accent, focus yellow.
GROUND = (23, 74, 109)
BRAND = (31, 95, 139)
ACCENT = (122, 62, 157)
HIGHLIGHT = (255, 191, 71)
INK = (255, 255, 255)
SOFT_INK = (220, 232, 241)
# Title sizes tried from the largest down until the title fits above the note.
TITLE_SIZES = (72, 64, 56, 50, 44)
# Room kept under the title for the note.
NOTE_SPACE = 64
ELLIPSIS = "…"


def has_raqm():
    """Does this Pillow shape text itself (libraqm)?"""
    return features.check("raqm")


@dataclass(frozen=True)
class CardText:
    """What a card says, in one language."""

    label: str
    title: str
    note: str = ""
    language: str = "en"
    rtl: bool = False


class Writer:
    """Measures and draws lines of one direction, with libraqm or with the reshaper."""

    def __init__(self, text, raqm=None):
        self.rtl = text.rtl
        self.language = text.language
        self.raqm = has_raqm() if raqm is None else raqm
        self.layout = ImageFont.Layout.RAQM if self.raqm else ImageFont.Layout.BASIC

    def font(self, path, size):
        return ImageFont.truetype(str(path), size, layout_engine=self.layout)

    def visual(self, line):
        """``line`` as the basic layout must be given it: letters joined, in display
        order (unchanged for libraqm, which does both itself)."""
        if self.raqm:
            return line
        return get_display(arabic_reshaper.reshape(line), base_dir="R" if self.rtl else "L")

    def options(self):
        if not self.raqm:
            return {}
        return {"direction": "rtl" if self.rtl else "ltr", "language": self.language}

    def width(self, line, font):
        return font.getlength(self.visual(line), **self.options())

    def draw(self, draw, y, line, font, fill):
        """Draw ``line`` with its top at ``y``, from the start margin of its direction."""
        x, anchor = (WIDTH - MARGIN, "ra") if self.rtl else (MARGIN, "la")
        draw.text((x, y), self.visual(line), font=font, fill=fill, anchor=anchor, **self.options())

    def wrap(self, text, font, width, max_lines):
        """``text`` in at most ``max_lines`` lines no wider than ``width``, the last cut
        with an ellipsis when it does not all fit; and whether it all fit."""
        words = text.split()
        lines, current = [], ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if current and self.width(candidate, font) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        lines = [self._cut(line, font, width) for line in lines]
        if len(lines) <= max_lines:
            return lines, True
        kept = lines[:max_lines]
        kept[-1] = self._cut(kept[-1] + ELLIPSIS, font, width, force=True)
        return kept, False

    def _cut(self, line, font, width, force=False):
        """``line``, shortened with an ellipsis until it fits (one very long word)."""
        if not force and self.width(line, font) <= width:
            return line
        body = line.rstrip(ELLIPSIS)
        while body and self.width(body + ELLIPSIS, font) > width:
            body = body[:-1]
        return body.rstrip() + ELLIPSIS


def _brand(draw, writer):
    """The ◐ mark and the name, at the top on the start side."""
    size = 56
    font = writer.font(BOLD, 44)
    y = 64
    if writer.rtl:
        box = (WIDTH - MARGIN - size, y, WIDTH - MARGIN, y + size)
        text_x, anchor = WIDTH - MARGIN - size - 20, "rm"
    else:
        box = (MARGIN, y, MARGIN + size, y + size)
        text_x, anchor = MARGIN + size + 20, "lm"
    draw.ellipse(box, outline=INK, width=5)
    draw.pieslice(box, 90, 270, fill=INK)
    # The name is Latin in every language: drawn left to right whatever the page's direction.
    draw.text((text_x, y + size // 2), "Openly", font=font, fill=INK, anchor=anchor)


def _decoration(draw, rtl):
    """The half-filled circle of the logo, large and cut by the edge on the end side."""
    radius = 330
    cx = -radius // 3 if rtl else WIDTH + radius // 3
    cy = HEIGHT // 2 + 40
    box = (cx - radius, cy - radius, cx + radius, cy + radius)
    draw.ellipse(box, fill=BRAND)
    # The half that shows inside the card is filled, as in the logo.
    start = -90 if rtl else 90
    draw.pieslice(box, start, start + 180, fill=ACCENT)
    draw.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=HIGHLIGHT)


def render(text, raqm=None):
    """The card for ``text`` (a CardText) as a Pillow image."""
    writer = Writer(text, raqm)
    image = Image.new("RGB", (WIDTH, HEIGHT), GROUND)
    draw = ImageDraw.Draw(image)
    _decoration(draw, text.rtl)
    _brand(draw, writer)
    width = WIDTH - 2 * MARGIN - 220  # clear of the decoration
    y = 176
    if text.label:
        label_font = writer.font(BOLD, 34)
        writer.draw(
            draw, y, writer.wrap(text.label, label_font, width, 1)[0][0], label_font, HIGHLIGHT
        )
        y += 62
    bottom = HEIGHT - 60 - (NOTE_SPACE if text.note else 0)
    for size in TITLE_SIZES:
        title_font = writer.font(BOLD, size)
        line_height = int(size * 1.22)
        lines, fits = writer.wrap(text.title, title_font, width, (bottom - y) // line_height)
        if fits:
            break
    for line in lines:
        writer.draw(draw, y, line, title_font, INK)
        y += line_height
    if text.note:
        note_font = writer.font(REGULAR, 32)
        writer.draw(
            draw, y + 18, writer.wrap(text.note, note_font, width, 1)[0][0], note_font, SOFT_INK
        )
    return image


def render_png(text, raqm=None):
    """The card for ``text`` as PNG bytes."""
    buffer = io.BytesIO()
    render(text, raqm).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
