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
How the wordings are then found in a text is in ``matcher``.
"""

import itertools
import re
from dataclasses import dataclass, field

from home.language_check import lemmas
from home.language_check.sentence_model import MODEL_CATEGORIES
from home.language_check.text import exact, fold, words

GAP_WORDS = 4
MAX_VARIANTS = 400
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


def _alternatives(token, language, groups, depth, memo):
    """The word sequences one written token stands for: a list of lists of (Slot, gap).
    ``memo`` keeps what each token stood for while one language's rules are read: the same
    synonym groups come back in rule after rule (the lists are shared, never changed)."""
    key = (token, depth)
    if key not in memo:
        memo[key] = _read_alternatives(token, language, groups, depth, memo)
    return memo[key]


def _read_alternatives(token, language, groups, depth, memo):
    variants = []
    merged_keys = set()
    merged_separable = []
    for choice in token.split("|"):
        if choice.startswith("@"):
            name = choice[1:]
            if name not in groups or depth > 3:
                raise RuleSyntaxError(f"unknown group @{name}")
            for entry in groups[name]:
                for sequence in _phrase(entry, language, groups, depth + 1, memo):
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


def _phrase(text, language, groups, depth, memo):
    """Every sequence a phrase (one part of a rule, alternatives joined by ``;``) stands for."""
    variants = []
    for alternative in text.split(";"):
        variants.extend(_sequence(alternative, language, groups, depth, memo))
        if len(variants) > MAX_VARIANTS:
            raise RuleSyntaxError("the wording has too many variants")
    return variants


def _sequence(text, language, groups, depth, memo):
    elements = []
    gap = 0
    for token in text.split():
        if token in ("...", "…"):
            gap += GAP_WORDS  # "... ..." allows eight words
            continue
        options = _alternatives(token, language, groups, depth, memo)
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


def read_rule(owner, data, language, groups, memo=None):
    """A Plan for one rule's data (phrase, match_type, unless). ``memo``: one dict shared by
    the rules of one language read together (see ``_alternatives``)."""
    memo = {} if memo is None else memo
    parts = data["phrase"].split(" + ") if data.get("match_type") == "context" else [data["phrase"]]
    plan = Plan(data=data, parts=len(parts))
    for number, part in enumerate(parts):
        for slots in _phrase(part, language, groups, 0, memo):
            plan.sequences.append(Sequence(tuple(slots), owner, number))
    for line in data.get("unless", "").splitlines():
        if line.strip():
            for slots in _phrase(line.strip(), language, groups, 0, memo):
                plan.sequences.append(Sequence(tuple(slots), owner, -1))
    return plan


def check_syntax(phrase, match_type, language, groups, unless=""):
    """Raise RuleSyntaxError when a wording cannot be read."""
    if match_type == "pattern":
        re.compile(phrase)
        return
    if match_type == "model":
        if phrase not in MODEL_CATEGORIES:
            raise RuleSyntaxError(
                "a sentence model rule's phrase names one kind of wording: "
                + ", ".join(MODEL_CATEGORIES)
            )
        return
    read_rule(0, {"phrase": phrase, "match_type": match_type, "unless": unless}, language, groups)
