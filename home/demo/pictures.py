"""Generated demo pictures and partner logos (Pillow, nothing downloaded).

Each is drawn from its own title, so the same title gives the same picture in every run and
on every machine, whatever else the demo made before. Pictures take one of several motifs
(hills, waves, mosaic, bands, dots, rings) in one of several calm palettes; logos put an
organisation's initials on a shape and colour of their own, in a colour pair whose contrast
passes WCAG AA for text (4.5:1), checked as each logo is drawn.
"""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFont

# Pairs of colours a picture blends between, with an accent.
PALETTES = [
    ((31, 95, 139), (122, 62, 157), (250, 214, 120)),
    ((34, 120, 100), (240, 180, 60), (255, 244, 220)),
    ((180, 70, 60), (250, 220, 180), (60, 40, 80)),
    ((50, 60, 120), (120, 200, 220), (255, 255, 255)),
    ((90, 40, 110), (250, 160, 120), (255, 236, 200)),
    ((20, 90, 90), (160, 220, 200), (240, 120, 90)),
    ((120, 90, 40), (240, 220, 160), (40, 80, 120)),
    ((40, 40, 60), (90, 130, 200), (250, 200, 90)),
]

# Logo backgrounds: dark enough for white initials (checked in ``logo_colours``).
LOGO_BACKGROUNDS = [
    (31, 78, 121),
    (122, 42, 92),
    (22, 101, 84),
    (150, 52, 30),
    (74, 52, 140),
    (15, 92, 128),
    (112, 72, 12),
    (128, 30, 60),
    (40, 70, 40),
    (60, 60, 72),
    (0, 96, 100),
    (102, 51, 153),
]
LOGO_SHAPES = ["circle", "rounded", "hexagon", "diamond", "arch", "shield"]
SMALL_WORDS = {"and", "for", "the", "of", "it", "de", "la", "et"}


def _seed(text):
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _rng(text):
    """A random generator of its own for ``text`` (demo art, not security)."""
    return random.Random(_seed(text))  # noqa: S311


def _mix(start, end, share):
    return tuple(int(a * (1 - share) + b * share) for a, b in zip(start, end, strict=True))


# -- pictures ---------------------------------------------------------------------------


def _gradient(draw, size, start, end):
    width, height = size
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(start, end, y / height))


def _hills(draw, size, palette, rng):
    width, height = size
    sun = rng.randint(width // 5, 4 * width // 5), rng.randint(height // 8, height // 3)
    radius = height // 8
    draw.ellipse([sun[0] - radius, sun[1] - radius, sun[0] + radius, sun[1] + radius], palette[2])
    for layer in range(4):
        base = height * (0.5 + layer * 0.13)
        colour = _mix(palette[1], palette[0], (layer + 1) / 4)
        phase, amplitude = rng.random() * 6.28, height * rng.uniform(0.04, 0.09)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            wave = amplitude * _wave(x / width * (2 + layer) + phase)
            points.append((x, base + wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)


def _wave(x):
    # A smooth bump shape without importing math for one sine: a triangle wave, eased.
    t = x % 2.0
    t = t if t < 1 else 2 - t
    return 2 * (t * t * (3 - 2 * t)) - 1


def _waves(draw, size, palette, rng):
    width, height = size
    for band in range(7):
        top = height * band / 7
        colour = _mix(palette[0], palette[1], band / 6)
        phase = rng.random() * 2
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            points.append((x, top + height * 0.05 * _wave(x / width * 3 + phase)))
        points.append((width, height))
        draw.polygon(points, fill=colour)


def _mosaic(draw, size, palette, rng):
    width, height = size
    step = width // rng.choice([8, 10, 12])
    for x in range(0, width, step):
        for y in range(0, height, step):
            share = rng.random()
            colour = palette[2] if share > 0.9 else _mix(palette[0], palette[1], share)
            draw.rectangle([x, y, x + step - 4, y + step - 4], fill=colour)


def _bands(draw, size, palette, rng):
    width, height = size
    _gradient(draw, size, palette[0], palette[1])
    for _ in range(5):
        offset, thickness = rng.randint(-height, width), rng.randint(30, 120)
        colour = _mix(palette[2], palette[1], rng.random() * 0.6)
        draw.polygon(
            [
                (offset, height),
                (offset + thickness, height),
                (offset + thickness + height, 0),
                (offset + height, 0),
            ],
            fill=colour,
        )


def _dots(draw, size, palette, rng):
    width, height = size
    draw.rectangle([0, 0, width, height], fill=palette[0])
    step = width // 14
    for x in range(step // 2, width, step):
        for y in range(step // 2, height, step):
            radius = step * rng.uniform(0.1, 0.45)
            colour = _mix(palette[1], palette[2], rng.random())
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)


def _rings(draw, size, palette, rng):
    width, height = size
    _gradient(draw, size, palette[0], palette[1])
    for _ in range(6):
        radius = rng.randint(60, 260)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], outline=palette[2], width=8
        )


MOTIFS = {
    "hills": _hills,
    "waves": _waves,
    "mosaic": _mosaic,
    "bands": _bands,
    "dots": _dots,
    "rings": _rings,
}


def motif_of(title):
    """The motif a picture of ``title`` is drawn with."""
    names = sorted(MOTIFS)
    return names[_seed(f"motif:{title}") % len(names)]


def picture(title, size=(1200, 800)):
    """A JPEG (bytes) of an abstract picture for ``title``."""
    rng = _rng(title)
    palette = PALETTES[_seed(f"palette:{title}") % len(PALETTES)]
    image = Image.new("RGB", size, palette[0])
    MOTIFS[motif_of(title)](ImageDraw.Draw(image), size, palette, rng)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


# -- logos ------------------------------------------------------------------------------


def initials(name):
    """Up to three initials of an organisation's name, small words left out."""
    words = [word for word in name.replace("-", " ").split() if word.lower() not in SMALL_WORDS]
    return "".join(word[0] for word in words[:3]).upper() or name[:1].upper()


def relative_luminance(colour):
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def logo_colours(key):
    """(background, initials, accent) of the logo for ``key``: white initials on a dark
    colour, and a lighter accent of the same hue that carries no text."""
    background = LOGO_BACKGROUNDS[_seed(f"colour:{key}") % len(LOGO_BACKGROUNDS)]
    text = (255, 255, 255)
    if contrast(background, text) < 4.5:
        raise ValueError(f"logo colours for {key!r} fail WCAG AA contrast")
    return background, text, _mix(background, (255, 255, 255), 0.55)


def logo_shape(key):
    return LOGO_SHAPES[_seed(f"shape:{key}") % len(LOGO_SHAPES)]


def _shape(draw, shape, box, fill):
    left, top, right, bottom = box
    middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
    if shape == "circle":
        draw.ellipse(box, fill=fill)
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=(right - left) // 5, fill=fill)
    elif shape == "hexagon":
        draw.regular_polygon((middle_x, middle_y, (right - left) / 2), 6, fill=fill)
    elif shape == "diamond":
        draw.polygon(
            [(middle_x, top), (right, middle_y), (middle_x, bottom), (left, middle_y)], fill=fill
        )
    elif shape == "arch":
        draw.rectangle([left, middle_y, right, bottom], fill=fill)
        draw.ellipse([left, top, right, bottom], fill=fill)
    else:  # shield
        draw.polygon(
            [(left, top), (right, top), (right, middle_y), (middle_x, bottom), (left, middle_y)],
            fill=fill,
        )


def logo(name, key, size=400):
    """A PNG (bytes) of a logo for the organisation ``name`` (``key``: its slug)."""
    background, text, accent = logo_colours(key)
    image = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    margin = size // 16
    rng = _rng(f"logo:{key}")
    # An accent behind the shape: a ring, a bar or a few dots, placed from the key.
    accent_kind = rng.choice(["ring", "bar", "dots"])
    if accent_kind == "ring":
        draw.ellipse([margin // 2, margin // 2, size - margin // 2, size - margin // 2], accent)
    elif accent_kind == "bar":
        draw.rectangle([0, size * 2 // 3, size, size * 2 // 3 + size // 10], fill=accent)
    else:
        for _ in range(5):
            x, y, radius = rng.randint(0, size), rng.randint(0, size), size // 14
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=accent)
    _shape(draw, logo_shape(key), (margin, margin, size - margin, size - margin), background)
    letters = initials(name)
    font = ImageFont.load_default(size=size // (2 + len(letters) // 2) * 0.8)
    draw.text((size / 2, size / 2), letters, fill=text, font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
