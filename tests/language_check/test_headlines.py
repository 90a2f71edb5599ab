"""Headlines (issue #16): a short segment ending in "!" or "?" (at most six words, or written
in capitals) is read with the sentence after it, so a context rule needing two wordings "in
the same sentence" sees a headline and its story together. Sentences written for these
tests; rules read straight from their wordings."""

import pytest

from home.language_check.matcher import Matcher
from home.language_check.patterns import read_rule
from home.language_check.text import normalise, sentence_chunks


def _split(text):
    return [text[start:end] for start, end in sentence_chunks(text) if end > start]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short or capitalised headlines run into the sentence after them.
        (
            "TRAGEDY IN THE VILLAGE! 17-year-old took his own life!",
            ["TRAGEDY IN THE VILLAGE! 17-year-old took his own life!"],
        ),
        ("Shock in Leeds! Teen found hanged.", ["Shock in Leeds! Teen found hanged."]),
        ("Why did he do it? Nobody knows.", ["Why did he do it? Nobody knows."]),
        ("DRAME AU VILLAGE ! Un ado s'est suicidé.", ["DRAME AU VILLAGE ! Un ado s'est suicidé."]),
        (
            "¡Tragedia en el pueblo! Un joven se quitó la vida.",
            ["¡Tragedia en el pueblo! Un joven se quitó la vida."],
        ),
        (
            "ΤΡΑΓΩΔΙΑ ΣΤΟ ΜΙΚΡΟ ΧΩΡΙΟ ΤΗΣ ΚΡΗΤΗΣ ΤΟ ΠΡΩΙ! Αυτοκτόνησε 17χρονος.",
            ["ΤΡΑΓΩΔΙΑ ΣΤΟ ΜΙΚΡΟ ΧΩΡΙΟ ΤΗΣ ΚΡΗΤΗΣ ΤΟ ΠΡΩΙ! Αυτοκτόνησε 17χρονος."],
        ),
        (
            "صدمة في القرية! انتحر شاب في السابعة عشرة.",
            ["صدمة في القرية! انتحر شاب في السابعة عشرة."],
        ),
        ("Шок! Горе! Підліток наклав на себе руки.", ["Шок! Горе! Підліток наклав на себе руки."]),
        # A long sentence ending in "!" or "?" is a sentence of its own, as is a short one
        # ending in a full stop, and a headline with nothing after it.
        (
            "We could not believe how many people came to the fair! The next day it rained.",
            ["We could not believe how many people came to the fair!", "The next day it rained."],
        ),
        (
            "لم يكن أحد يعرف ما الذي كان يعانيه ذلك الشاب طوال تلك السنوات! لا أحد.",
            ["لم يكن أحد يعرف ما الذي كان يعانيه ذلك الشاب طوال تلك السنوات!", "لا أحد."],
        ),
        ("Shock in Leeds. Teen found hanged.", ["Shock in Leeds.", "Teen found hanged."]),
        ("It ended. Shock! ", ["It ended.", "Shock!"]),
    ],
)
def test_a_short_or_capitalised_headline_is_read_with_the_sentence_after_it(text, expected):
    assert _split(text) == expected


def _matcher(*phrases, language="en"):
    plans = [
        read_rule(owner, {"phrase": phrase, "match_type": "context"}, language, {})
        for owner, phrase in enumerate(phrases)
    ]
    return Matcher(plans, language)


@pytest.mark.parametrize(
    ("language", "rule", "text", "sentence"),
    [
        ("en", "shock + hanged", "It rained. Shock in Leeds! Teen found hanged. Bye.", 1),
        ("en", "tragedy + life", "TRAGEDY IN THE VILLAGE! 17-year-old took his own life!", 0),
        ("ar", "صدمه + انتحر", "خبر. صدمة في القرية! انتحر شاب في السابعة عشرة.", 1),
        ("el", "τραγωδια + αυτοκτονησε", "ΤΡΑΓΩΔΙΑ ΣΤΟ ΧΩΡΙΟ! Αυτοκτόνησε 17χρονος.", 0),
    ],
)
def test_the_words_reader_joins_the_same_headlines(language, rule, text, sentence):
    matcher = _matcher(rule, language=language)
    text = normalise(text)
    found = matcher.candidate_sentences(text)
    assert [index for index, _candidates in found] == [sentence]
    # Its sentences are those of sentence_chunks, and their words are handed on whole.
    assert all("" not in words for _index, _candidates, words in matcher.sentences(text))


def test_a_long_exclamation_is_not_joined_by_the_words_reader():
    matcher = _matcher("believe + rained")
    text = "We could not believe how many people came to the fair! The next day it rained."
    assert matcher.candidate_sentences(text) == []
