"""The matching engine: reads every text of a page and finds the wordings a language's rules
flag.

The rules of one language are compiled into a single alternation regex (one pass over the
text, however many rules), cached per process and rebuilt when any rule changes: saving or
deleting a rule bumps a version number kept in Django's cache, which every process (sharing
Redis in production) checks before using its compiled copy.
"""

import html
import re
import threading
from dataclasses import asdict, dataclass, field

from django.core.cache import cache
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

VERSION_KEY = "openly:language-rules:version"

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


@dataclass
class CompiledRules:
    regex: re.Pattern | None
    rules: dict  # group name -> rule data dict


_compiled = {}
_lock = threading.Lock()


def rules_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def invalidate_rules(**kwargs):
    """Signal receiver: any rule change makes every process recompile."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def compile_rules(language):
    """The compiled rules of ``language`` (cached until a rule changes)."""
    version = rules_version()
    cached = _compiled.get(language)
    if cached and cached[0] == version:
        return cached[1]
    from home.models import LanguageRule

    with _lock:
        rules = {}
        alternatives = []
        queryset = LanguageRule.objects.filter(language=language, active=True)
        # Longer wordings first, so 'failed suicide attempt' wins over 'suicide attempt'.
        for rule in sorted(queryset, key=lambda r: -len(r.phrase)):
            name = f"r{rule.pk}"
            pattern = rule_regex(rule.phrase, rule.match_type, language, bounded=False)
            try:
                re.compile(pattern)
            except re.error:
                continue  # an invalid pattern saved before validation existed: skip it
            alternatives.append(f"(?P<{name}>{pattern})")
            rules[name] = {
                "rule_id": rule.pk,
                "category": rule.category,
                "severity": rule.severity,
                "explanation": rule.explanation,
                "alternatives": rule.alternative_list,
                "source": rule.source,
            }
        regex = (
            # One leading boundary for all rules: positions inside a word fail at once.
            re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE | re.UNICODE)
            if alternatives
            else None
        )
        compiled = CompiledRules(regex=regex, rules=rules)
        _compiled[language] = (version, compiled)
    return compiled


def strip_html(source):
    """Visible text of rich text: tags (and so link targets) removed, entities decoded."""
    text = INLINE_TAGS.sub("", source)
    return html.unescape(ANY_TAG.sub(" ", text))


def _is_quoted(text, start, language):
    paragraph_start = text.rfind("\n", 0, start) + 1
    before = text[paragraph_start:start]
    if before.count('"') % 2 == 1:
        return True
    for opener, closer in QUOTES.get(language, QUOTES["en"]):
        if before.rfind(opener) > before.rfind(closer):
            return True
    return False


def check_text(text, language, where="", accepted=frozenset()):
    """Findings in one text."""
    compiled = compile_rules(language)
    if compiled.regex is None or not text:
        return []
    text = normalise(text)
    findings = []
    for match in compiled.regex.finditer(text):
        rule = compiled.rules[match.lastgroup]
        matched = match.group(0)
        start, end = match.span()
        context = text[max(0, start - 60) : end + 60].strip()
        findings.append(
            Finding(
                matched=matched,
                where=where,
                context=context,
                quoted=_is_quoted(text, start, language),
                accepted=(rule["rule_id"], matched.lower()) in accepted,
                **rule,
            )
        )
    return findings


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


def language_of(page):
    """The language code of the page's locale (no query when the locale is loaded)."""
    from wagtail.models import Locale

    loaded = page._state.fields_cache.get("locale")
    if loaded is not None:
        return loaded.language_code
    return Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True)[0]


def accepted_by_page(page_ids):
    """{page id: the (rule id, wording) pairs a moderator accepted as justified on it}, in
    one query; pages without any are left out."""
    from home.models import AcceptedFinding

    accepted = {}
    rows = AcceptedFinding.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "rule_id", "matched_text"
    )
    for page_id, rule_id, matched in rows:
        accepted.setdefault(page_id, set()).add((rule_id, matched))
    return {page_id: frozenset(pairs) for page_id, pairs in accepted.items()}


def accepted_for(page):
    """The (rule id, wording) pairs a moderator accepted as justified on ``page``. Findings
    are accepted on pages only: a snippet (say a helpline under review) has none."""
    from wagtail.models import Page

    if not page.pk or not isinstance(page, Page):
        return frozenset()
    return accepted_by_page([page.pk]).get(page.pk, frozenset())


def check_page(page, accepted=None, language=None):
    """All findings on ``page`` (a page object or a revision's object), in its own language
    (``language`` and ``accepted`` may be given when already known)."""
    language = language or language_of(page)
    if accepted is None:
        accepted = accepted_for(page)
    findings = []
    for label, text in page_texts(page):
        findings.extend(check_text(text, language, label, accepted))
    return findings


def blocking_findings(page):
    """High-severity findings no moderator has accepted."""
    return [finding for finding in check_page(page) if finding.blocking]
