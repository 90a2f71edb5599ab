"""What a finding holds and which texts of a page the language check reads (no database
access; how wordings are found is in ``patterns`` and ``scan``)."""

import html
import re
from dataclasses import asdict, dataclass, field

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

BLOCK_TAGS = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|br|tr|td|th|table|figure|figcaption|hr)(?:\s[^>]*)?/?>",
    re.IGNORECASE,
)
INLINE_TAGS = re.compile(r"</?(?:a|b|i|em|strong|span|code|sup|sub|mark|abbr|small)(?:\s[^>]*)?>")
ANY_TAG = re.compile(r"<[^>]*>")
# Quotations and italics of rich text, kept for the check (a title in <i>, a word in <q>):
# <q> shows as the quotation marks a browser draws, <i> and <em> as the invisible isolate
# marks ``text.ITALIC_OPEN`` and ``text.ITALIC_CLOSE``.
MARKED_TAGS = re.compile(r"<(/?)(q|i|em)(?:\s[^>]*)?>", re.IGNORECASE)
MARKS = {("", "q"): "“", ("/", "q"): "”", ("", "i"): "\u2068", ("/", "i"): "\u2069"}
SKIPPED_FIELDS = {
    "slug",
    "url_path",
    "path",
    "draft_title",
    "translation_key",
    "live_revision",
    "latest_revision",
}


def pattern_regex(phrase):
    """The regular expression of an expert's pattern rule, bounded by word edges."""
    return re.compile(rf"(?<!\w)(?:{phrase})(?!\w)", re.IGNORECASE)


@dataclass
class Finding:
    """One flagged wording in one text of a page."""

    rule_id: int
    matched: str
    where: str
    category: str
    severity: str
    explanation: str
    alternatives: list = field(default_factory=list)
    source: str = ""
    context: str = ""
    quoted: bool = False
    accepted: bool = False
    # "title" (a work's title, "Psycho") or "advice" (a guide's own "avoid X"): such a
    # finding is noted at low severity and never blocks.
    note: str = ""
    # Found by the sentence model (the whole sentence read as one), not by a rule's wording.
    model: bool = False

    @property
    def blocking(self):
        """Whether the automatic workflow check stops on this finding."""
        return self.severity == "high" and not self.accepted

    def as_dict(self):
        return asdict(self)


def strip_html(source):
    """Visible text of rich text: tags (and so link targets) removed, entities decoded, one
    line per paragraph (quotations and sentences never run from one into the next)."""
    text = BLOCK_TAGS.sub("\n", source)
    text = MARKED_TAGS.sub(_mark, text)
    text = INLINE_TAGS.sub("", text)
    return html.unescape(ANY_TAG.sub(" ", text))


def _mark(match):
    closing, tag = match.groups()
    return MARKS[(closing, "q" if tag.lower() == "q" else "i")]


def _block_texts(block, value, label):
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        labels = {}  # a block type's label is translated once, not once per block
        for child in value:
            child_label = labels.get(child.block.name)
            if child_label is None:
                child_label = labels[child.block.name] = f"{label} › {child.block.label}"
            yield from _block_texts(child.block, child.value, child_label)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_texts(block.child_block, item, label)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_texts(child_block, value.get(name), label)
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield label, strip_html(source)
    elif isinstance(block, blocks.RawHTMLBlock):
        yield label, strip_html(str(value))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield label, str(value)


def page_texts(page):
    """(label, text) for every text the page shows: title, summary, text fields, rich text
    and every StreamField block, recursively. Link targets and other non-text values are
    left out."""
    for model_field in page._meta.concrete_fields:
        if model_field.name in SKIPPED_FIELDS or model_field.choices:
            continue
        label = str(model_field.verbose_name).capitalize()
        value = getattr(page, model_field.attname, None)
        if not value:
            continue
        if isinstance(model_field, StreamField):
            yield from _block_texts(model_field.stream_block, value, label)
        elif isinstance(model_field, RichTextField):
            yield label, strip_html(value)
        elif isinstance(model_field, (models.URLField, models.SlugField, models.EmailField)):
            continue
        elif isinstance(model_field, (models.CharField, models.TextField)):
            yield label, str(value)
