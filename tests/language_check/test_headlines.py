"""Headlines and "LABEL:" openings (issue #16): a short segment ending in "!" or "?" (at most
six words, or written in capitals) is read with the sentence after it, so a context rule
needing two wordings "in the same sentence" sees a headline and its story together; and a
capitalised word after a label at the start of a sentence ("BREAKING: …") is no title of a
work. Sentences written for these tests; rules read straight from their wordings."""

import pytest

from home.language_check import scan
from home.language_check.engine import CompiledRules
from home.language_check.matcher import Matcher
from home.language_check.patterns import read_rule
from home.language_check.text import normalise, sentence_chunks


def _split(text):
    return [text[start:end] for start, end in sentence_chunks(text) if end > start]


def _compiled(rules, language):
    """CompiledRules for ``rules``: (wording, match type) pairs."""
    plans = []
    for owner, (phrase, match_type) in enumerate(rules):
        data = {
            "rule_id": owner + 1,
            "phrase": phrase,
            "match_type": match_type,
            "category": "suicide_sensational",
            "severity": "high",
            "explanation": "",
            "alternatives": [],
            "source": "",
        }
        plans.append(read_rule(owner, data, language, {}))
    return CompiledRules(Matcher(plans, language), [], len(plans))


def _findings(rules, text, language):
    return [
        (finding.matched, finding.severity, finding.note)
        for finding in scan.check_text(_compiled(rules, language), text, language)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Short or capitalised headlines run into the sentence after them.
        (
            "HORROR AT THE STATION! Man, 40, took his own life!",
            ["HORROR AT THE STATION! Man, 40, took his own life!"],
        ),
        ("Shock in Leeds! Teen found hanged.", ["Shock in Leeds! Teen found hanged."]),
        ("Why did he do it? Nobody knows.", ["Why did he do it? Nobody knows."]),
        ("DRAME AU VILLAGE ! Un ado s'est suicidé.", ["DRAME AU VILLAGE ! Un ado s'est suicidé."]),
        (
            "¡Tragedia en el pueblo! Un joven se quitó la vida.",
            ["¡Tragedia en el pueblo! Un joven se quitó la vida."],
        ),
        (
            "ΦΡΙΚΗ ΣΤΟ ΛΙΜΑΝΙ ΤΟΥ ΠΕΙΡΑΙΑ ΝΩΡΙΣ ΤΟ ΠΡΩΙ! Αυτοκτόνησε 40χρονος.",
            ["ΦΡΙΚΗ ΣΤΟ ΛΙΜΑΝΙ ΤΟΥ ΠΕΙΡΑΙΑ ΝΩΡΙΣ ΤΟ ΠΡΩΙ! Αυτοκτόνησε 40χρονος."],
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
        ("en", "horror + life", "HORROR AT THE STATION! Man, 40, took his own life!", 0),
        ("ar", "صدمه + انتحر", "خبر. صدمة في القرية! انتحر شاب في السابعة عشرة.", 1),
        ("el", "φρικη + αυτοκτονησε", "ΦΡΙΚΗ ΣΤΟ ΛΙΜΑΝΙ! Αυτοκτόνησε 40χρονος.", 0),
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


@pytest.mark.parametrize(
    ("language", "rules", "text", "matched"),
    [
        (
            "en",
            [("shock + hanged", "context")],
            "Shock in Leeds! Teen found hanged.",
            "Shock in Leeds! Teen found hanged",
        ),
        (
            "en",
            [("killed himself", "phrase")],
            "BREAKING: Singer Killed Himself After Tour",
            "Killed Himself",
        ),
        (
            "en",
            [("killed himself", "phrase")],
            "Exclusive: Killed himself over a loan.",
            "Killed himself",
        ),
        (
            "en",
            [("killed himself", "phrase")],
            "SHOCK! Singer Killed Himself After Tour",
            "Killed Himself",
        ),
        (
            "el",
            [("αυτοκτόνησε", "phrase")],
            "ΑΠΟΚΛΕΙΣΤΙΚΟ: Αυτοκτόνησε μετά την απόλυσή του",
            "Αυτοκτόνησε",
        ),
        ("el", [("αυτοκτόνησε", "phrase")], "ΣΟΚ ΣΤΗ ΛΑΡΙΣΑ! Αυτοκτόνησε 17χρονος.", "Αυτοκτόνησε"),
        (
            "fr",
            [("s'est suicidé", "phrase")],
            "EXCLUSIF : S'est suicidé pour une dette.",
            "S'est suicidé",
        ),
        (
            "it",
            [("si è tolto la vita", "phrase")],
            "ULTIM'ORA: Cantante Si È Tolto La Vita Dopo Il Tour",
            "Si È Tolto La Vita",
        ),
        ("ar", [("انتحر", "phrase")], "عاجل: انتحر مغني بعد جولته", "انتحر"),
    ],
)
def test_a_headline_or_a_label_is_no_title_and_the_finding_keeps_its_severity(
    language, rules, text, matched
):
    findings = _findings(rules, text, language)
    assert (matched, "high", "") in findings


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We watched Hitchcock's Psycho again."),
        ("en", 'The film "Psycho" frightened a generation.'),
        ("en", "REVIEW: we watched Hitchcock's Psycho again."),
        ("en", "Wow! We watched Hitchcock's Psycho again."),
        ("en", "BREAKING: Hitchcock's Psycho is back in cinemas."),
        ("en", "Film: Psycho frightened a generation."),
        ("en", "REVIEW: the film \u2068Psycho\u2069 frightened a generation."),
        ("fr", "CRITIQUE : le film « Psychose » a effrayé une génération."),
    ],
)
def test_a_real_title_stays_low(language, text):
    rule = "psychose" if language == "fr" else "psycho"
    findings = _findings([(rule, "phrase")], text, language)
    assert [(severity, note) for _matched, severity, note in findings] == [("low", "title")]
