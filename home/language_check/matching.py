"""Text matching for the language check, with no database access: how a rule's wording becomes
a regular expression, what a finding holds, and which texts of a page are read."""

import html
import re
from dataclasses import asdict, dataclass, field

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

# Optional endings tried after every word of a phrase rule (plurals and common inflections),
# so 'schizophrenic' also finds 'schizophrenics'. Words ending in * take any ending instead.
SUFFIXES = {
    "en": r"(?:s|es|'s|s')?",
    "fr": r"(?:s|x|e|es)?",
    "de": r"(?:e|en|er|es|em|n|s|ern)?",
    "uk": r"(?:а|я|у|ю|ом|ем|і|и|ів|ам|ами|ах|ою|ої|ий|ого|ому|им|их|ими)?",
}
DEFAULT_SUFFIX = r"(?:s|es)?"
# Words of a phrase may be separated by spaces, hyphens or non-breaking spaces.
GAP = r"[\s\-\u00a0\u2011]+"
# Typographic quotation marks that open and close a quotation, per language.
QUOTES = {
    "en": [("“", "”"), ("‘", "’")],
    "fr": [("«", "»"), ("“", "”")],
    "de": [("„", "“"), ("»", "«")],
    "uk": [("«", "»"), ("„", "“")],
}
INLINE_TAGS = re.compile(r"</?(?:a|b|i|em|strong|span|code|sup|sub|mark|abbr|small)(?:\s[^>]*)?>")
ANY_TAG = re.compile(r"<[^>]*>")
SKIPPED_FIELDS = {
    "slug",
    "url_path",
    "path",
    "draft_title",
    "translation_key",
    "live_revision",
    "latest_revision",
}


def normalise(text):
    """Apostrophes and spaces as the rules write them."""
    return text.replace("\u2019", "'").replace("\u00a0", " ")


def rule_regex(phrase, match_type, language, bounded=True):
    """The regular expression (without flags) for one rule; ``bounded`` adds the word
    boundaries (the combined regex puts the leading one in front of all rules instead)."""
    core = _rule_core(phrase, match_type, language)
    return rf"(?<!\w){core}" if bounded else core


def _rule_core(phrase, match_type, language):
    if match_type == "pattern":
        return rf"(?:{phrase})(?!\w)"
    suffix = SUFFIXES.get(language, DEFAULT_SUFFIX)
    parts = []
    for word in normalise(phrase).split():
        if word.endswith("*"):
            parts.append(re.escape(word.rstrip("*")) + r"\w*")
        elif len(word) >= 3:
            parts.append(re.escape(word) + suffix)
        else:
            parts.append(re.escape(word))
    return GAP.join(parts) + r"(?!\w)"


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

    @property
    def blocking(self):
        """Whether the automatic workflow check stops on this finding."""
        return self.severity == "high" and not self.accepted

    def as_dict(self):
        return asdict(self)


def strip_html(source):
    """Visible text of rich text: tags (and so link targets) removed, entities decoded."""
    text = INLINE_TAGS.sub("", source)
    return html.unescape(ANY_TAG.sub(" ", text))


def is_quoted(text, start, language):
    """Whether the text at ``start`` sits inside a quotation (in its own paragraph)."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    before = text[paragraph_start:start]
    if before.count('"') % 2 == 1:
        return True
    for opener, closer in QUOTES.get(language, QUOTES["en"]):
        if before.rfind(opener) > before.rfind(closer):
            return True
    return False


def _block_texts(block, value, label):
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_texts(child.block, child.value, f"{label} › {child.block.label}")
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
