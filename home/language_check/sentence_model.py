"""The sentence model: a learned second reader for what word rules miss.

Word and context rules find wordings; they do not find a sentence that presents suicide as a
release, romanticises it or blames one event for it in words no rule lists ("she is finally
at peace, free of it all"). Measured on sets of sentences written independently from the
guides, rules written from the same guides caught about four in five, however many rounds
of rules were added. The sentence model reads a whole sentence instead: three linear models
per language over the sentence's lemmas and word beginnings, learned from the
project's labelled sentences (``learning.py`` trains them, ``manage.py
train_sentence_model`` writes the files):

- *flag*: whether the guides would warn about the sentence;
- *high*: whether it is suicide or self-harm reporting of the kind that stops the workflow;
- *category*: which of the fourteen kinds of wording it is, which picks the explanation.

A finding is only made for a sentence no rule found anything in, when *flag* is at least
the file's threshold; its severity is high only when *high* agrees. What the finding says
comes from a rule of match type "model" named after the category (``rules/<locale>.json``,
key ``sentence_model``): administrators edit its explanation or switch it off like any
rule, and a moderator accepts a finding on a page like any other.

The files are plain weights (``learned/<locale>.json``): scoring needs no numerical
library, and the same numbers give the same result in every process.
"""

import json
import math
from functools import cache, lru_cache
from pathlib import Path

from home.language_check.lemmas import keys
from home.language_check.text import WORD, token_forms

MODEL_DIR = Path(__file__).with_name("learned")
# The kinds of wording the category model tells apart (the flag categories of the sets).
MODEL_CATEGORIES = (
    "suicide_method_detail",
    "self_harm_detail",
    "suicide_way_out",
    "suicide_sensational",
    "suicide_glorifying",
    "suicide_criminal_language",
    "suicide_success_failure",
    "suicide_single_cause",
    "diagnosis_label",
    "stigmatising_slur",
    "outdated_term",
    "trivialising_metaphor",
    "victim_suffering_language",
    "violence_association",
)
# Word beginnings of this many letters stand in for words the training sentences had in
# another form (the lemmatisers do not know every form of every language).
PREFIX = 5
HIGH_KINDS = ("suicide_", "self_harm")  # the categories of suicide and self-harm reporting
PREFIX_MARK = "P"  # a word beginning's feature is "P" and its letters (lemmas are lower case)
FORMS_KEPT = 200_000  # tokens whose features a model keeps


@lru_cache(maxsize=FORMS_KEPT)  # bounded like lemmas.keys: a process reads texts for months
def lemma_key(form, language):
    """One key per word form: its shortest folded key (the lemma, mostly)."""
    return min(sorted(keys(form, language)), key=len)


def forms(sentence, language):
    """The word forms of a sentence, without their places."""
    return [form for token in WORD.findall(sentence) for form in token_forms(token, language)]


def form_features(form, language):
    """The features one word form gives: its lemma, and its beginning if longer."""
    token = lemma_key(form, language)
    if len(token) > PREFIX:
        return (token, PREFIX_MARK + token[:PREFIX])
    return (token,)


def features(sentence, language):
    """The model's features of one sentence: each lemma and word beginning once (a word said
    twice weighs as much as once)."""
    found = set()
    for form in forms(sentence, language):
        found.update(form_features(form, language))
    return sorted(found)


class SentenceModel:
    """One language's three models, read from its file."""

    def __init__(self, data):
        self.language = data["language"]
        self.threshold = data["threshold"]
        self.high_threshold = data["high_threshold"]
        self.min_features = data["min_features"]
        self.medium_threshold = data["medium_threshold"]
        self.short_features = data["short_features"]
        self.short_threshold = data["short_threshold"]
        self.short_medium_threshold = data["short_medium_threshold"]
        self.categories = data["categories"]
        self.flag_bias, self.high_bias = data["intercepts"]["flag"], data["intercepts"]["high"]
        self.category_bias = data["intercepts"]["category"]
        # feature -> (idf x flag weight, idf squared): enough to tell whether a sentence is
        # flagged; feature -> (idf, high weight, category weights...), read only for the few
        # sentences that are.
        self.flag_weights = {}
        self.other_weights = {}
        for name, values in data["features"].items():
            self.flag_weights[name] = (values[0] * values[1], values[0] * values[0])
            self.other_weights[name] = (values[0], *values[2:])
        self._tokens = {}  # token of text.WORD -> ((feature, (value, square)), ...)

    def _read(self, token):
        """((feature, (idf x flag weight, idf squared)), ...) of the known features of one
        token's word forms, kept for the next time."""
        read = tuple(
            {
                name: self.flag_weights[name]
                for form in token_forms(token, self.language)
                for name in form_features(form, self.language)
                if name in self.flag_weights
            }.items()
        )
        if len(self._tokens) < FORMS_KEPT:
            self._tokens[token] = read
        return read

    def _weights(self, sentence_words):
        """{feature: (idf x flag weight, idf squared)} of the known features of a sentence's
        words (tokens of ``text.WORD``)."""
        tokens = self._tokens
        found = {}
        for token in sentence_words:
            read = tokens.get(token)
            found.update(self._read(token) if read is None else read)
        return found

    def _flag(self, known):
        weighted = length = 0.0
        for value, square in known.values():
            weighted += value
            length += square
        if not length:
            return 0.0
        return _sigmoid(self.flag_bias + weighted / math.sqrt(length))

    def _score(self, known):
        """(p(flag), p(high), category) from a sentence's ``_weights``."""
        flag = self._flag(known)
        if not known:
            return flag, 0.0, ""
        length = math.sqrt(sum(square for _value, square in known.values()))
        high = self.high_bias
        classes = list(self.category_bias)
        for name in known:
            idf, high_weight, *weights = self.other_weights[name]
            share = idf / length
            high += share * high_weight
            for index, weight in enumerate(weights):
                classes[index] += share * weight
        best = max(range(len(classes)), key=classes.__getitem__)
        return flag, _sigmoid(high), self.categories[best]

    def score(self, sentence):
        """(p(flag), p(high), category) of one sentence; (0, 0, "") when the model knows none
        of its words."""
        return self._score(self._weights(WORD.findall(sentence)))

    def judge(self, sentence):
        """(category, high) when the sentence should be flagged, else None."""
        return self.judge_words(WORD.findall(sentence))

    def judge_words(self, sentence_words):
        """``judge`` for a sentence already cut into the words of ``text.WORD``."""
        known = self._weights(sentence_words)
        if len(known) < self.min_features:
            return None
        threshold, medium = self.threshold, self.medium_threshold
        if len(known) < self.short_features:
            threshold, medium = self.short_threshold, self.short_medium_threshold
        if self._flag(known) < threshold:
            return None
        flag, high, category = self._score(known)
        if not category.startswith(HIGH_KINDS) and flag < medium:
            return None
        return category, high >= self.high_threshold


def _sigmoid(value):
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


@cache
def model_for(language):
    """The language's model, or None when it has no file."""
    path = MODEL_DIR / f"{language}.json"
    if not path.exists():
        return None
    return SentenceModel(json.loads(path.read_text(encoding="utf-8")))
