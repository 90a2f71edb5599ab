"""Finding the wordings of one language's rules in one text (no database access: the engine
hands in the compiled rules).

A text is read paragraph by paragraph and sentence by sentence. Where two rules claim the
same words, the more serious one, and then the word rule before the context rule, wins.
A finding inside the title of a work ("Psycho", Hitchcock's Psycho) or in a sentence that
is a guide's own advice ("avoid the phrase 'committed suicide'") is noted at low severity
and never blocks; a finding inside any other quotation keeps its severity and is marked.
"""

import re

from home.language_check import cues
from home.language_check.matching import Finding
from home.language_check.text import (
    CLOSERS,
    HEADLINE_MARKS,
    UNCASED,
    UNMARK,
    WORD,
    is_title,
    normalise,
    quotations,
    sentence_chunks,
    words,
)

SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
ADVICE = "advice"
TITLE = "title"
# Languages where a capital inside a sentence says nothing (German capitalises nouns).
CAPITAL_NOUNS = {"de"}
# A label opening a sentence ("BREAKING:", "Exclusive:", "ΠΡΩΤΟΣΕΛΙΔΟ:", "EXCLUSIF :"): one
# to three words before a colon.
LABEL = re.compile(r"(?:[^\W\d_][\w'-]*\s+){0,2}[^\W\d_][\w'-]*\s*:\s+")
# A headline's "!" or "?" inside a sentence (see ``text.headline_joins``).
HEADLINE_BREAK = re.compile(rf"[{HEADLINE_MARKS}]{CLOSERS}\s+")
# Shorter sentences are not read by the sentence model (a list item, a label).
MODEL_MIN_LETTERS = 12
# A moderator's acceptance keeps this much of the wording (AcceptedFinding.matched_text).
ACCEPTED_LENGTH = 255
# Words from this many letters on are capitalised in a headline written in title case.
TITLE_CASE_LETTERS = 4


class Hit:
    """A rule found in a sentence, before overlaps are settled."""

    __slots__ = ("rule", "spans", "context_rule", "start", "end")

    def __init__(self, rule, spans, context_rule):
        self.rule = rule
        self.spans = spans  # (start, end) of every word it used
        self.context_rule = context_rule
        self.start = spans[0][0]
        self.end = spans[-1][1]

    def order(self):
        return (
            -SEVERITY_RANK.get(self.rule["severity"], 0),
            self.context_rule,
            -(self.end - self.start),
        )


def _settle(hits):
    """The hits that keep their words, most serious first; then in text order."""
    if len(hits) < 2:
        return hits
    kept = []
    taken = []
    for hit in sorted(hits, key=Hit.order):
        if any(s < e2 and s2 < e for s, e in hit.spans for s2, e2 in taken):
            continue
        kept.append(hit)
        taken.extend(hit.spans)
    return sorted(kept, key=lambda hit: hit.start)


def _sentence_hits(compiled, paragraph, start, end, language, candidates, sentence_tokens):
    """(hits, is advice, where its first word starts, whether a rule was found but kept from
    applying by its "unless" wordings) in one sentence (``sentence_tokens``: its words as the
    text writes them). Where each word is is read only when some rule
    other than a guide's advice is found (or a German verb's particle is looked for)."""
    matcher = compiled.matcher
    sentence_words = None
    results = ()
    tokens = ()
    vetoed = []
    if candidates:
        if matcher.needs_clauses(candidates):
            sentence_words = words(paragraph[start:end], start, language)
            tokens = matcher.tokens(sentence_words)
        else:
            tokens = matcher.light_tokens_of(sentence_tokens)
        results = matcher.find(tokens, candidates, vetoed)
    hits = []
    advice = False
    spans = None  # (start, end) of each token
    for plan, used in results:
        if plan.data.get("kind") == ADVICE:
            advice = True
            continue
        if spans is None:
            spans = _spans(matcher, paragraph, start, end, sentence_words, tokens, sentence_tokens)
        hits.append(Hit(plan.data, sorted({spans[i] for i in used}), plan.parts > 1))
    for regex, rule in compiled.patterns:
        for match in regex.finditer(paragraph, start, end):
            hits.append(Hit(rule, [match.span()], False))
    if not hits:
        return hits, advice, start, bool(vetoed)
    if spans is None:
        spans = _spans(matcher, paragraph, start, end, sentence_words, tokens, sentence_tokens)
    return hits, advice, spans[0][0] if spans else start, bool(vetoed)


def _spans(matcher, paragraph, start, end, sentence_words, tokens, sentence_tokens):
    """(start, end) of each token of a sentence."""
    if sentence_words is None:
        one_each = len(tokens) == len(sentence_tokens)
        return matcher.token_spans(paragraph[start:end], start, one_each)
    return [(token[0].start, token[0].end) for token in tokens]


def _capitalised_title(paragraph, hit, sentence, language):
    """Hitchcock's Psycho: a capitalised word inside a sentence, where capitals mean names.
    A headline's capitals are none: the first word after a label opening the sentence
    ("BREAKING: Singer …") or after a headline's "!" or "?" starts a sentence, and a
    headline written in title case ("Singer Killed Himself After Tour") names nothing."""
    if language in CAPITAL_NOUNS or language in UNCASED:
        return False
    matched = paragraph[hit.start : hit.end]
    if not matched[:1].isupper() or matched.isupper():
        return False
    _start, end, first = sentence
    start = _headline_start(paragraph, first, hit.start, language)
    if hit.start == start:
        return False
    return start == first or not _title_case(paragraph, start, end)


def _headline_start(paragraph, first, position, language):
    """Where the words before ``position`` start once a headline's "!"/"?" and a label
    opening the sentence are set aside (``first``: the sentence's first word)."""
    start = first
    for match in HEADLINE_BREAK.finditer(paragraph, first, position):
        start = match.end()
    label = LABEL.match(paragraph, start, position)
    if label and not cues.after_title_word(cues.words(label.group()), language, 3):
        start = label.end()  # "Film: Psycho" keeps its title
    return start


def _title_case(paragraph, start, end):
    """Whether the words from ``start`` to ``end`` are a headline in title case: three or
    more, and every longer word capitalised."""
    found = WORD.findall(paragraph, start, end)
    return len(found) >= 3 and all(
        word[0].isupper() for word in found if len(word) >= TITLE_CASE_LETTERS and word[0].isalpha()
    )


def _note(compiled, paragraph, sentence, hit, quoted_spans, advice, language, memo):
    """ADVICE, TITLE or "" for one hit (``sentence``: its sentence's start, end and first
    word; ``memo``: what is known of the paragraph's quotations and sentences)."""
    start, end, first = sentence
    quote = None
    for span in quoted_spans:
        if span[0] < hit.end and hit.start < span[1]:
            quote = span  # the innermost quotation the hit touches
    if quote is None:
        if advice or cues.introduced(
            cues.words_before(paragraph, start, hit.start), language, False
        ):
            return ADVICE
        if _capitalised_title(paragraph, hit, sentence, language) or cues.title_run(
            paragraph, start, hit.start, hit.end, language, language in UNCASED
        ):
            return TITLE
        return ""
    before = cues.words_before(paragraph, start, min(quote[0], hit.start))
    title_cue = cues.after_title_word(before, language, 3)
    if not title_cue and cues.introduced(before, language):
        return ADVICE
    wording = advice or memo.get(start)
    if wording is None:
        wording = memo[start] = cues.talks_about_wording(cues.words(paragraph[start:end]), language)
    inside = quote[0] < hit.start and hit.end <= quote[1]
    titled = title_cue or (
        not wording and inside and is_title(paragraph, quote, language, compiled.title_words)
    )
    if not (wording or titled):
        return ""
    # Speech is told last: most quotations are neither advice nor titles.
    speech = memo.get(quote)
    if speech is None:
        speech = memo[quote] = cues.is_speech(paragraph, quote, language)
    if speech:
        return ADVICE if title_cue and cues.introduced(before, language) else ""
    return TITLE if title_cue or not wording else ADVICE


def _sentences_to_read(compiled, text, every=None, chunks=None):
    """[(start, end, candidate sequences, its words)] of the sentences of ``text`` where
    some rule may be found: those where every word place of some sequence can be filled,
    and, when there are expert patterns, every sentence (``every``: see
    ``Matcher.sentences``; ``chunks``: the text's ``sentence_chunks`` when already cut)."""
    found = compiled.matcher.sentences(text, every)
    if not found and not compiled.patterns:
        return []
    if chunks is None:
        chunks = sentence_chunks(text)
    if not compiled.patterns:
        return [(*chunks[index], candidates, tokens) for index, candidates, tokens in found]
    by_index = {index: (candidates, tokens) for index, candidates, tokens in found}
    return [
        (start, end, *by_index.get(index, ((), ())))
        for index, (start, end) in enumerate(chunks)
        if end > start
    ]


def _finding(rule, matched, where, severity, context, quoted, accepted, note="", model=False):
    """A Finding of ``rule`` (its compiled data) for the wording ``matched``; ``accepted``:
    the (rule id, wording) pairs a moderator accepted on the page."""
    return Finding(
        rule_id=rule["rule_id"],
        matched=matched,
        where=where,
        category=rule["category"],
        severity=severity,
        explanation=rule["explanation"],
        alternatives=rule["alternatives"],
        source=rule["source"],
        context=context,
        quoted=quoted,
        accepted=(rule["rule_id"], matched.lower()[:ACCEPTED_LENGTH]) in accepted,
        note=note,
        model=model,
    )


def _model_findings(compiled, paragraph, text, read, every, chunks, where, accepted, quoted_spans):
    """The sentence model's findings in the sentences of ``text`` (``chunks``: their starts
    and ends; ``every``: their words) no rule spoke about (``read``: the starts of those it
    did)."""
    findings = []
    model = compiled.model
    if len(every) != len(chunks):  # the two readings of sentence ends disagree: read again
        every = [WORD.findall(text, start, end) for start, end in chunks]
    for (start, end), sentence_words in zip(chunks, every, strict=True):
        if start in read or end - start < MODEL_MIN_LETTERS:
            continue
        judged = model.judge_words(sentence_words)
        if judged is None:
            continue
        category, high = judged
        rule = compiled.model_rules.get(category)
        if rule is None:  # an administrator switched this kind off
            continue
        sentence = paragraph[start:end].translate(UNMARK).strip()
        if quoted_spans is None:
            quoted_spans = quotations(paragraph)
        severity = rule["severity"]
        if severity == "high" and not high:
            severity = "medium"
        quoted = any(span[0] <= start and end <= span[1] for span in quoted_spans)
        findings.append(
            _finding(rule, sentence, where, severity, sentence, quoted, accepted, model=True)
        )
    return findings


def check_paragraph(compiled, paragraph, language, where, accepted):
    """Findings in one paragraph."""
    text = normalise(paragraph)
    quoted_spans = None
    memo = {}  # quotation -> whether it is speech; sentence start -> whether it is advice
    findings = []
    # Starts of the sentences a rule spoke about: found there, or found and kept from applying
    # by its "unless" wordings ("suffers from back pain"), or a guide's advice was. The rules'
    # word outranks the sentence model's guess.
    read = set()
    every = chunks = None
    if compiled.model is not None:
        every = []  # the words of every sentence
        chunks = sentence_chunks(text)
    for start, end, candidates, tokens in _sentences_to_read(compiled, text, every, chunks):
        if quoted_spans is None:
            quoted_spans = quotations(paragraph)
        hits, advice, first, vetoed = _sentence_hits(
            compiled, text, start, end, language, candidates, tokens
        )
        if hits or advice or vetoed:
            read.add(start)
        sentence = (start, end, first)
        for hit in _settle(hits):
            rule = hit.rule
            inside = [span for span in quoted_spans if span[0] < hit.start and hit.end <= span[1]]
            note = _note(compiled, text, sentence, hit, quoted_spans, advice, language, memo)
            matched = paragraph[hit.start : hit.end].translate(UNMARK)
            context = paragraph[max(0, hit.start - 60) : hit.end + 60].translate(UNMARK).strip()
            severity = "low" if note else rule["severity"]
            findings.append(
                _finding(rule, matched, where, severity, context, bool(inside), accepted, note)
            )
    if compiled.model is not None:
        findings.extend(
            _model_findings(
                compiled, paragraph, text, read, every, chunks, where, accepted, quoted_spans
            )
        )
    return findings


def check_text(compiled, text, language, where="", accepted=frozenset()):
    """Findings in one text, paragraph by paragraph."""
    findings = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            findings.extend(check_paragraph(compiled, paragraph, language, where, accepted))
    return findings
