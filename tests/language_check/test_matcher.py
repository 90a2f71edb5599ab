"""The matcher's sentence test and which matches it keeps (rules read straight from their
wordings, no database)."""

from home.language_check.matcher import Matcher
from home.language_check.patterns import read_rule
from home.language_check.text import normalise, sentence_chunks


def _matcher(*phrases, language="en"):
    plans = [
        read_rule(owner, {"phrase": phrase, "match_type": "phrase"}, language, {})
        for owner, phrase in enumerate(phrases)
    ]
    return Matcher(plans, language)


def _found(matcher, sentence):
    """[(plan's wording, the forms of the words it used)] in one sentence."""
    text = normalise(sentence)
    results = []
    for _index, candidates in matcher.candidate_sentences(text):
        tokens = matcher.light_tokens(text)
        for plan, used in matcher.find(tokens, candidates):
            results.append((plan.data["phrase"], used))
    return results


def test_only_sentences_where_a_rule_can_be_found_are_read():
    matcher = _matcher("alpha beta")
    text = "Nothing here. Then alpha came. And then alpha beta went far away from us! Beta alone."
    found = matcher.candidate_sentences(text)
    chunks = sentence_chunks(text)
    assert [text[slice(*chunks[index])] for index, _candidates in found] == [
        "And then alpha beta went far away from us!"
    ]


def test_the_earliest_match_is_named_whatever_the_order_of_the_alternatives():
    # Six alternatives of one rule are all in the sentence; the earliest is kept, not the
    # first four alternatives tried.
    matcher = _matcher("zeta eta; epsilon zeta; delta epsilon; gamma delta; beta gamma; alpha beta")
    assert _found(matcher, "alpha beta gamma delta epsilon zeta eta") == [
        ("zeta eta; epsilon zeta; delta epsilon; gamma delta; beta gamma; alpha beta", [0, 1])
    ]


def test_a_word_form_is_read_once_and_a_soft_hyphen_is_left_out():
    matcher = _matcher("alpha beta")
    assert _found(matcher, "al\u00adpha beta") == [("alpha beta", [0, 1])]
    assert _found(matcher, "alpha gamma beta") == []
    assert _found(matcher, "Alpha beta") == [("alpha beta", [0, 1])]


def test_hyphenated_and_apostrophe_words_count_as_their_parts():
    matcher = _matcher("alpha beta gamma")
    assert _found(matcher, "alpha-beta gamma") == [("alpha beta gamma", [0, 1, 2])]
    assert _found(matcher, "alpha'beta gamma") == [("alpha beta gamma", [0, 1, 2])]


def test_an_earlier_word_that_fits_a_place_does_not_hide_a_later_one_that_completes_it():
    # "beta" fits the second place twice; only the second is followed by "gamma".
    matcher = _matcher("alpha ... beta gamma")
    assert _found(matcher, "alpha went beta away then beta gamma") == [
        ("alpha ... beta gamma", [0, 5, 6])
    ]
    assert _found(matcher, "alpha went beta away then beta") == []


def test_a_german_article_read_as_another_does_not_hide_the_wording():
    # "der" is also read as a form of "das": the "das" of "das Leben" must still be found.
    matcher = _matcher("nehmen sich ... das Leben", language="de")
    assert [
        phrase for phrase, _used in _found(matcher, "Er nahm sich wegen der Insolvenz das Leben.")
    ] == ["nehmen sich ... das Leben"]


def test_initials_and_abbreviations_with_stops_end_no_sentence():
    def split(text):
        return [text[start:end] for start, end in sentence_chunks(text) if end > start]

    assert split("Do not name the means, e.g. the bridge or the pills. Next one.") == [
        "Do not name the means, e.g. the bridge or the pills.",
        "Next one.",
    ]
    assert split("Μην αναφέρετε, π.χ. τη γέφυρα. Επόμενη.") == [
        "Μην αναφέρετε, π.χ. τη γέφυρα.",
        "Επόμενη.",
    ]
    assert split("J. K. Rowling wrote it. It sold.") == ["J. K. Rowling wrote it.", "It sold."]
    # A short question or exclamation is read with the sentence after it (a headline).
    assert split("It ended. Then? Yes!") == ["It ended.", "Then? Yes!"]
    # The words' reader finds the same sentence ends.
    matcher = _matcher("pills")
    text = normalise("Z.B. die Brücke. Und die pills. Ende.")
    assert [index for index, _candidates in matcher.candidate_sentences(text)] == [1]


def test_the_arabic_question_mark_ends_a_sentence():
    def split(text):
        return [text[start:end] for start, end in sentence_chunks(text) if end > start]

    question = "هل تعرف أين تجد المساعدة في هذه المدينة الكبيرة اليوم؟"
    assert split(f"{question} اتصل بخط المساعدة.") == [question, "اتصل بخط المساعدة."]
    # A short one is a headline, read with the sentence after it, as with "?".
    assert split("لماذا؟ اتصل بخط المساعدة.") == ["لماذا؟ اتصل بخط المساعدة."]
    # The words' reader finds the same sentence ends.
    matcher = _matcher("المساعدة")
    text = normalise(f"{question} لا شيء هنا. ثم المساعدة.")
    assert [index for index, _candidates in matcher.candidate_sentences(text)] == [0, 2]
