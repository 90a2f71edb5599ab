"""What a rule's wording means, and finding it in the words of a sentence (no database
access: the engine hands in the rules and the language's synonym groups).

A rule's wording is a phrase; each word matches every inflection of itself (by lemma, see
``lemmas``), capitals, accents and apostrophes aside:

- ``commit suicide``        words next to each other (committed suicide, commits suicide)
- ``commit ... suicide``    up to four words between (commit the act of suicide); ``... ...``
                            up to eight
- ``psycho*``               any ending (psychos, psychotic: use with care)
- ``=mental``               this form only, no other inflection
- ``his|her|their``         any of these words in that place
- ``@suicide``              any wording of the language's synonym group ``suicide``
- ``#``                     a number written in digits
- ``a b; c d``              either phrase
- context rules (match type "context") join phrases with `` + ``: all of them in one
  sentence, in any order (``@suicide + @method``)

A German separable verb finds its split forms (``umbringen`` finds "er brachte sich um"),
and German compounds are read in parts (``suizid epidemie`` finds "Suizidepidemie").
A rule's "unless" wordings, found in the same sentence, keep it from applying there.
"""

import itertools
import re
from dataclasses import dataclass, field

from home.language_check import lemmas
from home.language_check.text import WORD, exact, fold, words

GAP_WORDS = 4
MAX_VARIANTS = 400
SEPARABLE_REACH = 12
MATCHES_KEPT = 4  # matches of one part of a rule kept per sentence
NUMBER = "#"  # the key of a word written in digits (60, 7.42)


class RuleSyntaxError(ValueError):
    """A rule's wording cannot be read (an unknown group, say)."""


@dataclass(frozen=True)
class Slot:
    """One word place of a phrase: the keys that fill it, and separable-verb readings."""

    keys: frozenset
    separable: tuple = ()  # (verb key, particle)


@dataclass(frozen=True)
class Sequence:
    """Word places in order, each with how many words may come before it."""

    slots: tuple  # ((Slot, gap), ...)
    owner: int
    part: int  # index of the part of the rule, or -1 for an "unless" wording


@dataclass
class Plan:
    """One rule, read: its parts (each a list of sequences) and its exceptions."""

    data: dict
    parts: int = 1
    sequences: list = field(default_factory=list)


def _word_slot(word, language):
    """The slot of one written word (without ``|``)."""
    if word.startswith("="):
        return Slot(frozenset({"=" + exact(word[1:])}))
    if word.endswith("*"):
        return Slot(frozenset({"^" + fold(word[:-1])}))
    found = lemmas.keys(word, language)
    separable = ()
    if language == "de":
        separable = tuple(
            (verb, particle)
            for key in found
            if (split := lemmas.separable(key))
            for particle, verb in [split]
        )
    return Slot(found, separable)


def _alternatives(token, language, groups, depth):
    """The word sequences one written token stands for: a list of lists of (Slot, gap)."""
    variants = []
    merged_keys = set()
    merged_separable = []
    for choice in token.split("|"):
        if choice.startswith("@"):
            name = choice[1:]
            if name not in groups or depth > 3:
                raise RuleSyntaxError(f"unknown group @{name}")
            for entry in groups[name]:
                for sequence in _phrase(entry, language, groups, depth + 1):
                    if len(sequence) == 1 and sequence[0][1] == 0:
                        merged_keys |= sequence[0][0].keys
                        merged_separable.extend(sequence[0][0].separable)
                    else:
                        variants.append(sequence)
            continue
        if choice == "#":
            merged_keys.add(NUMBER)
            continue
        star = "*" if choice.endswith("*") else ""
        exact = "=" if choice.startswith("=") else ""
        forms = [w.form for w in words(choice.strip("*="), 0, language)]
        if not forms:
            raise RuleSyntaxError(f"no word in {choice!r}")
        slots = [_word_slot(exact + form, language) for form in forms[:-1]]
        slots.append(_word_slot(exact + forms[-1] + star, language))
        if len(slots) == 1:
            merged_keys |= slots[0].keys
            merged_separable.extend(slots[0].separable)
        else:
            variants.append([(slot, 0) for slot in slots])
    if merged_keys or merged_separable:
        variants.append([(Slot(frozenset(merged_keys), tuple(merged_separable)), 0)])
    return variants


def _phrase(text, language, groups, depth=0):
    """Every sequence a phrase (one part of a rule, alternatives joined by ``;``) stands for."""
    variants = []
    for alternative in text.split(";"):
        variants.extend(_sequence(alternative, language, groups, depth))
        if len(variants) > MAX_VARIANTS:
            raise RuleSyntaxError("the wording has too many variants")
    return variants


def _sequence(text, language, groups, depth):
    elements = []
    gap = 0
    for token in text.split():
        if token in ("...", "…"):
            gap += GAP_WORDS  # "... ..." allows eight words
            continue
        options = _alternatives(token, language, groups, depth)
        if gap:
            options = [[(option[0][0], gap), *option[1:]] for option in options]
        elements.append(options)
        gap = 0
    if not elements:
        raise RuleSyntaxError("the wording has no word")
    variants = []
    for combination in itertools.product(*elements):
        variants.append([slot for option in combination for slot in option])
        if len(variants) > MAX_VARIANTS:
            raise RuleSyntaxError("the wording has too many variants")
    return variants


def read_rule(owner, data, language, groups):
    """A Plan for one rule's data (phrase, match_type, unless)."""
    parts = data["phrase"].split(" + ") if data.get("match_type") == "context" else [data["phrase"]]
    plan = Plan(data=data, parts=len(parts))
    for number, part in enumerate(parts):
        for slots in _phrase(part, language, groups):
            plan.sequences.append(Sequence(tuple(slots), owner, number))
    for line in data.get("unless", "").splitlines():
        if line.strip():
            for slots in _phrase(line.strip(), language, groups):
                plan.sequences.append(Sequence(tuple(slots), owner, -1))
    return plan


class Matcher:
    """All plans of one language, indexed by their most telling words."""

    def __init__(self, plans, language):
        self.plans = plans
        self.language = language
        self.part_anchors = {}  # owner -> [anchor keys of each part]
        self.owners = {}  # anchor key -> owners
        self.owner_first = {}  # owner -> {anchor key: its sequences}
        self.wanted = set()
        self.prefix_lengths = set()
        for owner, plan in enumerate(plans):
            self.part_anchors[owner] = [set() for _part in range(plan.parts)]
            for sequence in plan.sequences:
                # Indexed by its most telling word place (the one whose shortest key is
                # longest: 'front' rather than 'in' in 'in front of'), so the common words
                # of a sentence do not wake every rule that starts with them.
                anchor = max((slot for slot, _gap in sequence.slots), key=_telling)
                anchor_keys = anchor.keys | {verb for verb, _particle in anchor.separable}
                for key in anchor_keys:
                    self.owner_first.setdefault(owner, {}).setdefault(key, []).append(sequence)
                if sequence.part >= 0:
                    self.part_anchors[owner][sequence.part] |= anchor_keys
                    for key in anchor_keys:
                        self.owners.setdefault(key, set()).add(owner)
                for slot, _gap in sequence.slots:
                    self.wanted |= slot.keys
                    for verb, particle in slot.separable:
                        self.wanted |= {verb, "=" + particle}
                    self.prefix_lengths |= {len(k) for k in slot.keys if k[0] == "^"}
        self.lexicon = {k for k in self.wanted if k[0] not in "=^" and len(k) >= lemmas.MIN_PART}
        self._forms = {}
        self._token_keys = {}
        self._needs = {}

    def word_keys(self, form):
        """The keys of a word form that some rule uses: one set, or two for a German
        compound read as its parts (cached: every form is read once)."""
        cached = self._forms.get(form)
        if cached is not None:
            return cached
        found = set(lemmas.keys(form, self.language)) | {"=" + exact(form)}
        if form[0].isdigit():
            found.add(NUMBER)
        parts = None
        if self.language == "de" and len(form) >= 2 * lemmas.MIN_PART:
            parts = lemmas.split_compound(form, self.lexicon)
        result = (
            (self._wanted(found | parts[0]), self._wanted(found | parts[1]))
            if parts
            else (self._wanted(found),)
        )
        if len(self._forms) > 200_000:
            self._forms.clear()
        self._forms[form] = result
        return result

    def present(self, text):
        """The keys of every word of ``text`` that some rule uses (each word form is read
        once per process: the cache below), without cutting the text into words."""
        present = set()
        for token in WORD.findall(text):
            keys = self._token_keys.get(token)
            if keys is None:
                forms = (
                    [token, *token.replace("'", "-").split("-")]
                    if "-" in token or "'" in token
                    else [token]
                )
                keys = frozenset().union(
                    *(k for form in forms if form for k in self.word_keys(form))
                )
                if len(self._token_keys) > 200_000:
                    self._token_keys.clear()
                self._token_keys[token] = keys
            present |= keys
        return present

    def candidates(self, present):
        """The sequences that may be found where the words with ``present`` keys are: only
        those whose every word place can be filled, of rules whose every part has its
        telling word there."""
        owners = set()
        for key in present:
            found = self.owners.get(key)
            if found:
                owners |= found
        candidates = {}
        for owner in owners:
            if not self._readable(owner, present):
                continue
            anchored = self.owner_first[owner]
            for key in present & anchored.keys():
                for sequence in anchored[key]:
                    if self._possible(sequence, present):
                        candidates[id(sequence)] = sequence
        return candidates

    def _readable(self, owner, present):
        for anchors in self.part_anchors[owner]:  # noqa: SIM110 - hot path, as _possible
            if anchors.isdisjoint(present):
                return False
        return True

    def _wanted(self, found):
        kept = found & self.wanted
        for key in found:
            for length in self.prefix_lengths:
                if len(key) >= length - 1 and "^" + key[: length - 1] in self.wanted:
                    kept.add("^" + key[: length - 1])
        return frozenset(kept)

    def tokens(self, sentence_words):
        """(Word, keys) for every word, a compound given once per part."""
        tokens = []
        for word in sentence_words:
            for keys in self.word_keys(word.form):
                tokens.append((word, keys))
        return tokens

    def find(self, tokens, candidates=None):
        """[(plan, [token indexes])] for every rule found in one sentence. The parts of a
        context rule must be found in different words."""
        if candidates is None:
            present = set()
            for _word, keys in tokens:
                present |= keys
            candidates = self.candidates(present)
        found = {}  # (owner, part) -> [token indexes of each match]
        for sequence in candidates.values():
            self._collect(sequence, tokens, found.setdefault((sequence.owner, sequence.part), []))
        results = []
        for owner in sorted({owner for owner, part in found if part >= 0}):
            plan = self.plans[owner]
            # Earliest match first: the order sequences were tried in follows set order,
            # which differs between processes.
            parts = [sorted(found.get((owner, part)) or []) for part in range(plan.parts)]
            if found.get((owner, -1)) or not all(parts):
                continue
            used = _disjoint(parts)
            if used:
                results.append((plan, used))
        return results

    def _collect(self, sequence, tokens, matches):
        head = sequence.slots[0][0]
        for index, (_word, keys) in enumerate(tokens):
            if len(matches) >= MATCHES_KEPT:
                return
            if head.keys.isdisjoint(keys) and not (head.separable and keys):
                continue
            used = self._match(sequence, tokens, index)
            if used:
                matches.append(used)

    def _possible(self, sequence, present):
        """Whether every word place of ``sequence`` can be filled by a word of the sentence."""
        needs = self._needs.get(id(sequence))
        if needs is None:
            needs = tuple(
                slot.keys | {verb for verb, _particle in slot.separable}
                for slot, _gap in sequence.slots
            )
            self._needs[id(sequence)] = needs
        for keys in needs:  # noqa: SIM110 - a plain loop is faster in this hot path
            if keys.isdisjoint(present):
                return False
        return True

    def _fits(self, slot, tokens, index):
        keys = tokens[index][1]
        if slot.keys & keys:
            return True
        for verb, particle in slot.separable:
            if verb in keys and self._particle_after(tokens, index, particle):
                return True
        return False

    @staticmethod
    def _particle_after(tokens, index, particle):
        clause = tokens[index][0].clause
        for word, keys in tokens[index + 1 : index + 1 + SEPARABLE_REACH]:
            if word.clause != clause:
                return False
            if "=" + particle in keys:
                return True
        return False

    def _match(self, sequence, tokens, index):
        if not self._fits(sequence.slots[0][0], tokens, index):
            return None
        used = [index]
        for slot, gap in sequence.slots[1:]:
            start = used[-1] + 1
            for position in range(start, min(start + gap + 1, len(tokens))):
                if self._fits(slot, tokens, position):
                    used.append(position)
                    break
            else:
                return None
        return used


def _telling(slot):
    keys = list(slot.keys) + [verb for verb, _particle in slot.separable]
    return min((len(key) for key in keys), default=0)


def _disjoint(parts):
    """Token indexes of one match per part with no word shared, or None."""
    for combination in itertools.product(*parts):
        taken = set()
        for used in combination:
            if taken.intersection(used):
                break
            taken.update(used)
        else:
            return sorted(taken)
    return None


def check_syntax(phrase, match_type, language, groups, unless=""):
    """Raise RuleSyntaxError when a wording cannot be read."""
    if match_type == "pattern":
        re.compile(phrase)
        return
    read_rule(0, {"phrase": phrase, "match_type": match_type, "unless": unless}, language, groups)
