"""The matching engine: reads every text of a page and finds the wordings a language's rules
flag (what a wording means is in ``patterns``, how a text is read in ``scan``, which texts
a page has in ``matching``).

The rules of one language are read once into one index (each word of a text is looked up
once, however many rules), cached per process and read again when any rule changes: saving
or deleting a rule bumps a version number kept in Django's cache, which every process
(sharing Redis in production) checks before using its compiled copy. The version is one for
all languages, so after a change each language's active rules are fetched again, but only a
language whose rules really differ is compiled again (up to a second for a language with a
hundred rules): the compiled copies are also kept by what their rules say.
"""

import hashlib
import re
import threading
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Locale, Page

from home.language_check import catalogue, scan, sentence_model
from home.language_check.matcher import Matcher
from home.language_check.matching import page_texts, pattern_regex
from home.language_check.models.rules import AcceptedFinding, LanguageRule
from home.language_check.patterns import RuleSyntaxError, read_rule
from home.language_check.text import fold

VERSION_KEY = "openly:language-rules:version"


@dataclass
class CompiledRules:
    """One language's active rules, read and indexed."""

    matcher: Matcher
    patterns: list = field(default_factory=list)  # (regex, rule data) of expert patterns
    count: int = 0  # active rules
    title_words: frozenset = frozenset()  # words that introduce a title («فيلم …»)
    model: object = None  # the language's sentence model, when a model rule is active
    model_rules: dict = field(default_factory=dict)  # category -> rule data


_compiled = {}  # language -> (version, CompiledRules)
_by_content = {}  # (language, fingerprint of its active rules) -> CompiledRules
KEPT_BY_CONTENT = 20  # two sets of rules for each of the ten languages
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


def forget_compiled():
    """Drop every compiled copy of this process, as if it had just started (benchmarks)."""
    with _lock:
        _compiled.clear()
        _by_content.clear()


def _rule_data(rule):
    return {
        "rule_id": rule.pk,
        "category": rule.category,
        "severity": rule.severity,
        "explanation": rule.explanation,
        "alternatives": rule.alternative_list,
        "source": rule.source,
        "phrase": rule.phrase,
        "match_type": rule.match_type,
        "unless": rule.unless,
    }


def compile_rules(language):
    """The compiled rules of ``language`` (cached until a rule changes)."""
    version = rules_version()
    cached = _compiled.get(language)
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        rules = [
            _rule_data(rule) for rule in LanguageRule.objects.filter(language=language, active=True)
        ]
        key = (language, hashlib.sha1(repr(rules).encode(), usedforsecurity=False).hexdigest())
        compiled = _by_content.get(key)
        if compiled is None:
            compiled = _compile(language, rules)
            while len(_by_content) >= KEPT_BY_CONTENT:
                _by_content.pop(next(iter(_by_content)))
            _by_content[key] = compiled
        _compiled[language] = (version, compiled)
    return compiled


def _compile(language, rules):
    groups = catalogue.groups(language)
    plans = []
    patterns = []
    count = 0
    memo = {}  # what each written token stands for, shared by the language's rules
    model_rules = {}
    for data in rules:
        try:
            if data["match_type"] == LanguageRule.MODEL:
                if data["phrase"] in sentence_model.MODEL_CATEGORIES:
                    model_rules[data["phrase"]] = data
                    count += 1
                continue
            if data["match_type"] == LanguageRule.PATTERN:
                patterns.append((pattern_regex(data["phrase"]), data))
            else:
                plans.append(read_rule(len(plans), data, language, groups, memo))
        except (RuleSyntaxError, re.error):
            continue  # a wording saved before validation existed: skip it
        count += 1
    # A guide's own advice ("avoid the phrase …") is found like a rule and marks its
    # sentence; it is no finding of its own.
    for wording in catalogue.advice(language):
        try:
            data = {"phrase": wording, "kind": scan.ADVICE}
            plans.append(read_rule(len(plans), data, language, groups, memo))
        except RuleSyntaxError:
            continue
    compiled = CompiledRules(Matcher(plans, language), patterns, count)
    compiled.title_words = frozenset(fold(word) for word in catalogue.titles(language))
    if model_rules:
        compiled.model = sentence_model.model_for(language)
        compiled.model_rules = model_rules
    return compiled


def has_rules(language):
    """Whether ``language`` has any active rule (else the check can say nothing)."""
    return compile_rules(language).count > 0


def check_text(text, language, where="", accepted=frozenset()):
    """Findings in one text."""
    if not text:
        return []
    compiled = compile_rules(language)
    if not compiled.count:
        return []
    return scan.check_text(compiled, text, language, where, accepted)


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
    # The rules are looked up once per page, not once per text (each look-up asks the shared
    # cache whether a rule changed: one round trip to Redis in production).
    compiled = compile_rules(language)
    if not compiled.count:
        return []
    findings = []
    for label, text in page_texts(page):
        if text:
            findings.extend(scan.check_text(compiled, text, language, label, accepted))
    return findings


def blocking_findings(page):
    """High-severity findings no moderator has accepted."""
    return [finding for finding in check_page(page) if finding.blocking]
