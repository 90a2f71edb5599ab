"""The matching engine: reads every text of a page and finds the wordings a language's rules
flag (how a rule becomes a regex, and which texts a page has, is in ``matching``).

The rules of one language are compiled into a single alternation regex (one pass over the
text, however many rules), cached per process and rebuilt when any rule changes: saving or
deleting a rule bumps a version number kept in Django's cache, which every process (sharing
Redis in production) checks before using its compiled copy.
"""

import re
import threading
from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Locale, Page

from home.language_check.matching import (
    Finding,
    is_quoted,
    normalise,
    page_texts,
    rule_regex,
)
from home.language_check.models.rules import AcceptedFinding, LanguageRule

VERSION_KEY = "openly:language-rules:version"


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
                quoted=is_quoted(text, start, language),
                accepted=(rule["rule_id"], matched.lower()) in accepted,
                **rule,
            )
        )
    return findings


def language_of(page):
    """The language code of the page's locale (no query when the locale is loaded)."""
    loaded = page._state.fields_cache.get("locale")
    if loaded is not None:
        return loaded.language_code
    return Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True)[0]


def accepted_by_page(page_ids):
    """{page id: the (rule id, wording) pairs a moderator accepted as justified on it}, in
    one query; pages without any are left out."""
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
