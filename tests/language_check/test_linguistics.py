"""The language check reads words, not strings (issue #16): lemmas, synonym groups, windows
of words, German compounds and separable verbs, context rules, quotations per paragraph,
titles and guide advice at low severity, physical senses left alone, and the wording
syntax of a rule. Sentences here are written for these tests, not taken from the
evaluation set."""

import pytest

from home.language_check import catalogue
from home.language_check.engine import check_text, has_rules, invalidate_rules
from home.language_check.models import LanguageRule
from home.language_check.patterns import RuleSyntaxError, check_syntax
from home.language_check.text import fold, quotations, words

LANGUAGES = ("en", "fr", "de", "uk", "ar", "es", "it", "pl", "el", "ro")


def found(text, language):
    return [finding.matched for finding in check_text(text, language)]


def severities(text, language):
    return [
        (finding.matched, finding.severity, finding.note) for finding in check_text(text, language)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_locale_has_active_rules_citing_its_guides(language):
    assert has_rules(language)
    data = catalogue.locale_data(language)
    assert data["sources"] and data["rules"]
    for rule in data["rules"]:
        assert rule["source"] in data["sources"]
        assert rule["explanation"] and rule["alternatives"]
        check_syntax(
            rule["phrase"],
            rule.get("match_type", "phrase"),
            language,
            data["groups"],
            rule.get("unless", ""),
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Inflections through lemmas, not hand-listed endings.
        ("de", "Der Selbstmörder wurde beigesetzt.", "Selbstmörder"),
        ("fr", "Une tentative ratée de plus.", "tentative ratée"),
        ("uk", "Його знайшли повішеним біля річки.", "повішеним"),
        # Synonym groups: суїцид is read like самогубство.
        ("uk", "Він скоїв суїцид.", "скоїв суїцид"),
        ("uk", "Він скоїв самогубство.", "скоїв самогубство"),
        # A window of words and a passive.
        ("en", "He committed the act of suicide.", "committed the act of suicide"),
        ("en", "The suicide was committed at night.", "suicide was committed"),
        # German compounds and separable verbs.
        ("de", "Die Stadt erlebt eine Selbsttötungsserie.", "Selbsttötungsserie"),
        (
            "de",
            "Er brachte sich gestern um, weil er verschuldet war.",
            "brachte sich gestern um, weil",
        ),
        # Accents, case and apostrophes as editors type them.
        ("fr", "Les SCHIZOPHRENES du film.", "SCHIZOPHRENES"),
        ("en", "Don’t be such a psycho.", "psycho"),
        ("en", "Donʼt be such a psycho.", "psycho"),
        # Hyphens join or separate words either way.
        ("de", "Die Brücke ist ein Suizid-Hotspot.", "Suizid-Hotspot"),
        ("en", "A suicide-hit town mourns.", "suicide-hit"),
    ],
)
def test_words_are_found_in_any_form(language, text, expected):
    assert expected in found(text, language)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Method detail: a suicide term and method vocabulary in one sentence.
        ("en", "Police said she took her own life with a rope in the woods."),
        ("fr", "Il s'est suicidé avec une arme de chasse."),
        ("es", "Se quitó la vida con una escopeta."),
        # Suicide as the only way out.
        ("en", "For him suicide was the only way out of his debts."),
        ("de", "Sie sah im Suizid den einzigen Ausweg aus der Krise."),
        ("it", "Il suicidio era per lui l'unica via d'uscita."),
        # Sensational framing.
        ("en", "An epidemic of suicides is hitting the region."),
        ("pl", "Media piszą o epidemii samobójstw wśród studentów."),
        ("el", "Κύμα αυτοκτονιών στα νησιά."),
    ],
)
def test_context_rules_catch_what_a_word_list_cannot(language, text):
    assert any(f.severity == "high" for f in check_text(text, language))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "She suffers from a fracture of the wrist."),
        ("en", "The runners suffered from the heat."),
        ("de", "Wir haben das Sofa an die Wand verrückt."),
        ("de", "Sie leidet an einer Grippe."),
        ("fr", "Il souffre d'une entorse à la cheville."),
        ("uk", "Він страждає від болю в спині."),
        ("es", "Sufre una lesión en la rodilla."),
        ("en", "The only way out of the car park is on Mill Lane."),
        ("en", "A flu epidemic closed the schools."),
        ("de", "Die Psychotherapie hilft ihr sehr."),
        ("fr", "Un fou rire a gagné la salle."),
        ("en", "Training on suicide prevention starts in May."),
    ],
)
def test_physical_and_literal_senses_are_not_flagged(language, text):
    assert found(text, language) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We watched Hitchcock's Psycho in class."),
        ("en", "We watched “Psycho” in class."),
        ("fr", "Les enfants regardent « Les Fous du volant »."),
        ("de", "Wir haben „Psycho“ im Kino gesehen."),
        ("ar", "شاهدنا فيلم «المجنون» في الصف."),
    ],
)
def test_titles_are_noted_at_low_severity_and_never_block(language, text):
    findings = check_text(text, language)
    assert findings
    assert all(f.severity == "low" and f.note == "title" and not f.blocking for f in findings)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Avoid the phrase 'committed suicide'; write 'died by suicide'."),
        ("de", "Statt „Selbstmord begehen“ sollte man „Suizid“ schreiben."),
        ("es", "Evite la expresión «cometer suicidio»."),
    ],
)
def test_guide_advice_is_noted_at_low_severity_and_never_blocks(language, text):
    findings = check_text(text, language)
    assert findings
    assert all(f.severity == "low" and f.note == "advice" and not f.blocking for f in findings)


@pytest.mark.django_db
def test_a_quotation_never_runs_into_the_next_paragraph():
    text = "She said: “It was not easy\nHe committed suicide in 2019, the report said."
    (finding,) = check_text(text, "en")
    assert finding.matched == "committed suicide" and not finding.quoted
    assert finding.blocking


@pytest.mark.django_db
def test_a_single_quoted_pair_does_not_upset_the_quotations_after_it():
    text = "The ‘brave’ players’ club said he committed suicide, “a lunatic act”."
    findings = {f.matched: f for f in check_text(text, "en")}
    assert not findings["committed suicide"].quoted
    assert findings["lunatic"].quoted


@pytest.mark.parametrize(
    ("paragraph", "quoted"),
    [
        ("He said “crazy” twice.", ["“crazy”"]),
        ("Er sagte „verrückt“ zweimal.", ["„verrückt“"]),
        ("Il a dit « fou » deux fois.", ["« fou »"]),
        ("Er sagte »irre« zweimal.", ["»irre«"]),
        ("He said ‘mad’ and 'odd', don't you think?", ["‘mad’", "'odd'"]),
        ('He said "nuts" and left.', ['"nuts"']),
        ("Powiedział „wariat” dwa razy.", ["„wariat”"]),
        ("It's Hitchcock's film.", []),
    ],
)
def test_every_quotation_style_pairs_up(paragraph, quoted):
    assert [paragraph[start:end] for start, end in quotations(paragraph)] == quoted


def test_folding_keeps_cyrillic_letters_and_drops_accents():
    assert fold("Шизофренік") == "шизофренік"
    assert fold("йога") == "йога"
    assert fold("ÉPIDÉMIE") == "epidemie"
    assert fold("Αυτοκτονία") == "αυτοκτονια"
    assert [w.form for w in words("здоров'я людини", 0, "uk")] == ["здоров'я", "людини"]
    assert [w.form for w in words("l'asile", 0, "fr")] == ["l", "asile"]


@pytest.mark.django_db
def test_a_rule_wording_that_cannot_be_read_is_refused():
    with pytest.raises(RuleSyntaxError):
        check_syntax("@no_such_group attempt", "phrase", "en", catalogue.groups("en"))
    rule = LanguageRule(
        language="en",
        phrase="@no_such_group",
        category="stigmatising",
        severity="low",
        explanation="x",
        source="x",
    )
    with pytest.raises(Exception, match="not valid"):
        rule.full_clean()


@pytest.mark.django_db
def test_an_unless_wording_keeps_a_rule_from_applying():
    LanguageRule.objects.create(
        language="en",
        phrase="doolally",
        category="stigmatising",
        severity="medium",
        explanation="Trivialises mental illness.",
        source="Time to Change",
        unless="doolally tap",
    )
    invalidate_rules()
    assert found("A doolally plan.", "en") == ["doolally"]
    assert found("He went doolally tap, as the old song says.", "en") == []
