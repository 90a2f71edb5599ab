"""Finding one language's rules in the words of a paragraph, fast (no database access: the
engine hands in the plans ``patterns`` reads from the rules' wordings).

Every word place of every rule is one bit. A word form is read once per process (its keys,
see ``lemmas``) and kept as the bits of the places it can fill, so a sentence is told apart
from the ones no rule can be found in by or-ing its words' bits and testing the result
against each candidate sequence's bits: a few integer operations per sentence, and no
per-word work beyond one dictionary look-up. Only a sentence where every word place of
some sequence can be filled is read word by word (``find``).
"""

import re

from home.language_check import lemmas, sequences
from home.language_check.patterns import NUMBER
from home.language_check.text import (
    APOSTROPHE_IN_WORD,
    SENTENCE_OR_WORD,
    WORD,
    exact,
    headline_joins,
    token_forms,
    words,
)

CACHE_LIMIT = 200_000  # word forms kept per language before the caches start afresh


class Step:
    """One word place of a sequence, as matched: its slot, its bit and the words allowed
    before it."""

    __slots__ = ("slot", "bit", "gap", "separable")

    def __init__(self, slot, bit, gap):
        self.slot = slot
        self.bit = bit
        self.gap = gap
        self.separable = slot.separable


class Compiled:
    """One sequence of a plan, as matched: its steps and the bits all of them need."""

    __slots__ = ("order", "owner", "part", "key", "steps", "needs", "separable", "single")

    def __init__(self, order, sequence, steps):
        self.order = order
        self.owner = sequence.owner
        self.part = sequence.part
        self.key = (sequence.owner, sequence.part)
        self.steps = steps
        self.needs = 0
        for step in steps:
            self.needs |= step.bit
        self.separable = any(step.separable for step in steps)
        self.single = len(steps) == 1 and not self.separable


def _words_only(sentence_tokens, joins):
    """A sentence's tokens without the sentence ends inside it (a joined headline's)."""
    return [token for token in sentence_tokens if token] if joins else sentence_tokens


class Matcher:
    """All plans of one language: each word place a bit, each sequence indexed by the bit
    of its most telling word place."""

    def __init__(self, plans, language):
        self.plans = plans
        self.language = language
        self.wanted = set()
        self.prefix_lengths = set()
        bits = {}  # Slot -> bit
        self.key_bits = {}  # key -> bits of every slot the key fills (or is the verb of)
        self.compiled = []
        self.owner_sequences = [[] for _plan in plans]  # owner -> its Compiled, in order
        # owner -> for each part, the bits of its sequences' most telling word places
        self.part_anchors = [[0] * plan.parts for plan in plans]
        self.bit_owners = {}  # bit of a telling word place -> owners it wakes
        for owner, plan in enumerate(plans):
            for sequence in plan.sequences:
                steps = []
                for slot, gap in sequence.slots:
                    bit = bits.get(slot)
                    if bit is None:
                        bit = bits[slot] = 1 << len(bits)
                        for key in slot.keys | {verb for verb, _particle in slot.separable}:
                            self.key_bits[key] = self.key_bits.get(key, 0) | bit
                    steps.append(Step(slot, bit, gap))
                    self.wanted |= slot.keys
                    for verb, particle in slot.separable:
                        self.wanted |= {verb, "=" + particle}
                    self.prefix_lengths |= {len(k) for k in slot.keys if k[0] == "^"}
                compiled = Compiled(len(self.compiled), sequence, steps)
                self.compiled.append(compiled)
                self.owner_sequences[owner].append(compiled)
                if sequence.part < 0:
                    continue
                # Indexed by its most telling word place (the one whose shortest key is
                # longest: 'front' rather than 'in' in 'in front of'), so the common words
                # of a sentence do not wake every rule that starts with them.
                anchor = max(steps, key=lambda step: _telling(step.slot))
                self.part_anchors[owner][sequence.part] |= anchor.bit
                self.bit_owners.setdefault(anchor.bit, set()).add(owner)
        self.anchor_bits = 0
        for bit in self.bit_owners:
            self.anchor_bits |= bit
        self._woken = {}  # telling bits of a sentence -> sequences of the rules they wake
        self.lexicon = {k for k in self.wanted if k[0] not in "=^" and len(k) >= lemmas.MIN_PART}
        self._forms = {}  # form -> ((keys, bits), ...): one, or two for a split compound
        self._token_bits = {}  # token as the text writes it -> bits of all its words
        self._token_entries = {}  # token as the text writes it -> its light tokens

    def word_keys(self, form):
        """((keys, bits), ...) of a word form: the keys some rule uses and the bits of the
        word places they fill; two entries for a German compound read as its parts (cached:
        every form is read once)."""
        cached = self._forms.get(form)
        if cached is not None:
            return cached
        found = set(lemmas.keys(form, self.language)) | {"=" + exact(form)}
        if form[0].isdigit():
            found.add(NUMBER)
        parts = None
        if self.language == "de" and len(form) >= 2 * lemmas.MIN_PART:
            parts = lemmas.split_compound(form, self.lexicon)
        readings = (found | parts[0], found | parts[1]) if parts else (found,)
        result = tuple(self._entry(self._wanted(keys)) for keys in readings)
        if len(self._forms) > CACHE_LIMIT:
            self._forms.clear()
        self._forms[form] = result
        return result

    def _entry(self, keys):
        key_bits = self.key_bits
        found = 0
        for key in keys:
            found |= key_bits.get(key, 0)
        return keys, found

    def _wanted(self, found):
        kept = found & self.wanted
        for key in found:
            for length in self.prefix_lengths:
                if len(key) >= length - 1 and "^" + key[: length - 1] in self.wanted:
                    kept.add("^" + key[: length - 1])
        return frozenset(kept)

    def _learn(self, token):
        """The bits of every word the text's ``token`` is read as (see ``text.words``)."""
        found = 0
        for form in token_forms(token, self.language):
            for _keys, form_bits in self.word_keys(form):
                found |= form_bits
        self._token_bits[token] = found
        return found

    def candidate_sentences(self, paragraph):
        """[(index of the sentence, its sequences that may be found)] for the sentences of
        ``paragraph`` (as ``text.sentence_chunks`` cuts it) where every word place of some
        sequence can be filled by one of their words."""
        return [(index, candidates) for index, candidates, _words in self.sentences(paragraph)]

    def sentences(self, paragraph, every=None):
        """[(index, candidates, the sentence's words as the text writes them)] of the
        sentences ``candidate_sentences`` gives: the paragraph is cut into words once, and
        the words of a sentence where a rule may be found are handed on. A sentence end
        that ``text.headline_joins`` names ends no sentence (a headline is read with the
        sentence after it). When ``every`` (a list) is given, the words of every sentence
        are added to it, in order (for the sentence model)."""
        tokens = SENTENCE_OR_WORD.findall(paragraph)
        joins = headline_joins(paragraph)
        end = -1  # the sentence ends met so far, less one
        token_bits = self._token_bits
        if len(token_bits) > CACHE_LIMIT:
            token_bits.clear()
        anchor_bits = self.anchor_bits
        found = []
        sentence_bits = 0
        index = 0
        first = 0
        for position, token in enumerate(tokens):
            if token:
                try:
                    sentence_bits |= token_bits[token]
                except KeyError:
                    sentence_bits |= self._learn(token)
                continue
            if joins:
                end += 1
                if end in joins:
                    continue
            if every is not None:
                every.append(_words_only(tokens[first:position], joins))
            if sentence_bits & anchor_bits:
                candidates = self._candidates(sentence_bits)
                if candidates:
                    found.append((index, candidates, _words_only(tokens[first:position], joins)))
            sentence_bits = 0
            index += 1
            first = position + 1
        if every is not None:
            every.append(_words_only(tokens[first:], joins))
        if sentence_bits & anchor_bits:
            candidates = self._candidates(sentence_bits)
            if candidates:
                found.append((index, candidates, _words_only(tokens[first:], joins)))
        return found

    def _candidates(self, sentence_bits):
        """The sequences all of whose word places ``sentence_bits`` fill, of the rules each
        of whose parts can be found, in the order of the plans (so which matches are kept
        never depends on the process). Kept per set of the bits that decide it."""
        waking = sentence_bits & self.anchor_bits
        woken = self._woken.get(waking)
        if woken is None:
            woken = self._wake(waking)
        relevant_bits = sentence_bits & woken[0]
        candidates = woken[1].get(relevant_bits)
        if candidates is None:
            candidates = self._fill(woken[2], relevant_bits)
            if len(woken[1]) > CACHE_LIMIT:
                woken[1].clear()
            woken[1][relevant_bits] = candidates
        return candidates

    def _fill(self, woken, sentence_bits):
        candidates = [
            compiled for compiled in woken if compiled.needs & sentence_bits == compiled.needs
        ]
        if not candidates:
            return candidates
        # A rule is looked for only when each of its parts may be found.
        parts = {(compiled.owner, compiled.part) for compiled in candidates}
        plans = self.plans
        return [
            compiled
            for compiled in candidates
            if all((compiled.owner, part) in parts for part in range(plans[compiled.owner].parts))
        ]

    def _wake(self, waking):
        """(the bits their word places need, {those of a sentence: its candidates}, the
        sequences) of the rules each of whose parts has its telling word among the
        ``waking`` bits (a sentence's): a context rule's suicide word alone wakes nothing."""
        owners = set()
        remaining = waking
        while remaining:
            bit = remaining & -remaining
            remaining ^= bit
            owners |= self.bit_owners[bit]
        sequences = []
        needs = 0
        for owner in sorted(owners):
            if all(part & waking for part in self.part_anchors[owner]):
                for compiled in self.owner_sequences[owner]:
                    sequences.append(compiled)
                    needs |= compiled.needs
        if len(self._woken) > CACHE_LIMIT:
            self._woken.clear()
        woken = self._woken[waking] = (needs, {}, sequences)
        return woken

    def light_tokens(self, sentence):
        """(None, keys, bits) for every word of ``sentence`` as ``tokens`` gives them, in
        the same order, without reading where each word is (enough to find out whether
        any rule is there when no rule needs a German verb's particle)."""
        return self.light_tokens_of(WORD.findall(sentence))

    def light_tokens_of(self, sentence_tokens):
        """``light_tokens`` of a sentence already cut into words (``sentences`` gives them)."""
        entries = self._token_entries
        tokens = []
        for token in sentence_tokens:
            found = entries.get(token)
            if found is None:
                found = tuple(
                    (None, keys, form_bits)
                    for form in token_forms(token, self.language)
                    for keys, form_bits in self.word_keys(form)
                )
                if len(entries) > CACHE_LIMIT:
                    entries.clear()
                entries[token] = found
            tokens += found
        return tokens

    def token_spans(self, sentence, offset, one_each=False):
        """(start, end) of every word ``light_tokens(sentence)`` gives, in the same order
        (``offset``: where the sentence starts), without building a ``text.Word`` for each.
        ``one_each``: every word of the sentence gave one token (no word was cut at a hyphen
        or an apostrophe, nor read as a compound's parts), so its tokens are its words."""
        if one_each:
            return [(offset + start, offset + end) for start, end in _spans_of(sentence)]
        spans = []
        language = self.language
        for match in WORD.finditer(sentence):
            token = match.group()
            if "-" not in token and ("'" not in token or language in APOSTROPHE_IN_WORD):
                span = (offset + match.start(), offset + match.end())
                readings = self.word_keys(token.replace("\u00ad", ""))
                spans.extend([span] * len(readings))
                continue
            for word in words(token, offset + match.start(), language):
                spans.extend([(word.start, word.end)] * len(self.word_keys(word.form)))
        return spans

    @staticmethod
    def needs_clauses(candidates):
        """Whether finding ``candidates`` needs to know the clauses (a separable verb)."""
        return any(compiled.separable for compiled in candidates)

    def tokens(self, sentence_words):
        """(Word, keys, bits) for every word, a compound given once per part."""
        tokens = []
        for word in sentence_words:
            for keys, word_bits in self.word_keys(word.form):
                tokens.append((word, keys, word_bits))
        return tokens

    def find(self, tokens, candidates, vetoed=None):
        """[(plan, [token indexes])] for every rule found in one sentence (see
        ``sequences.find``)."""
        return sequences.find(self.plans, tokens, candidates, vetoed)


def _spans_of(sentence):
    """(start, end) of each word of ``sentence``."""
    return map(_match_span, WORD.finditer(sentence))


_match_span = re.Match.span


def _telling(slot):
    keys = list(slot.keys) + [verb for verb, _particle in slot.separable]
    return min((len(key) for key in keys), default=0)
