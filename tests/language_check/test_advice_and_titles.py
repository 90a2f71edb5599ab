"""Guide advice and titles at low severity, quoted speech at its own (issue #16, point 4).

A sentence that talks about wording ("the word X", "write Y, not X", "terms such as X") is
advice; a quotation, italics or a capitalised run right after a word naming a kind of work
(film, série, Serie, серіал, مسلسل) is a title; a quotation beside a reporting verb
(«…», wrote her mother) is speech and keeps its severity. Sentences written for these tests.
"""

import pytest

from home.language_check.engine import check_text
from home.language_check.matching import strip_html


def _notes(text, language):
    findings = check_text(text, language)
    assert findings, "the sentence must carry a flagged wording"
    return findings


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Journalists now write 'died by suicide', not 'committed suicide'."),
        ("en", 'Say "died by suicide" rather than "committed suicide".'),
        ("en", 'Prefer "died by suicide" to "committed suicide".'),
        ("en", 'Replace "committed suicide" with "died by suicide".'),
        ("en", "The term committed suicide suggests a crime."),
        ("en", 'The term "committed suicide" is still used.'),
        ("fr", "Les rédacteurs écrivent « s'est suicidé » et non « a commis un suicide »."),
        ("fr", "Le mot « suicide réussi » est à proscrire."),
        ("de", "Schreiben Sie „Suizid“, nicht „Selbstmord“."),
        ("de", "Das Wort „Selbstmord“ wird noch oft verwendet."),
        ("es", "Escriba «suicidio», no «suicidio cometido»."),
        ("es", "Términos como «suicidio cometido» estigmatizan."),
        ("it", "Espressioni come «suicidio riuscito» stigmatizzano."),
        ("pl", "Piszcie „zmarł śmiercią samobójczą”, a nie „popełnił samobójstwo”."),
        ("pl", "Określenia takie jak „popełnił samobójstwo” stygmatyzują."),
        ("el", "Λέξεις όπως «διέπραξε αυτοκτονία» στιγματίζουν."),
        ("ro", "Cuvinte precum „a comis suicid” stigmatizează."),
        ("uk", "Пишіть «помер унаслідок самогубства», а не «скоїв самогубство»."),
        ("uk", "Вислови на кшталт «скоїв самогубство» стигматизують."),
        ("ar", "قولوا «توفي منتحرا» وليس «ارتكب الانتحار»."),
        ("ar", "مصطلحات مثل «ارتكب الانتحار» توصم الناس."),
    ],
)
def test_a_sentence_about_wording_is_advice_and_never_blocks(language, text):
    for finding in _notes(text, language):
        assert (finding.severity, finding.note, finding.blocking) == ("low", "advice", False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We watched the documentary “the night he committed suicide” in class."),
        ("en", 'Her new novel, "when he committed suicide", came out in May.'),
        ("fr", "Nous avons vu le documentaire « il a commis un suicide » en classe."),
        ("fr", "Elle a lu le roman Le Suicide réussi de Paul Morand."),
        ("de", "Wir haben den Film Selbstmord im Paradies gesehen."),
        ("de", "Sie las den Roman „der Selbstmörder“ im Urlaub."),
        ("es", "Vimos la película Suicidio Exitoso en clase."),
        ("it", "Abbiamo visto il documentario «suicidio riuscito» in classe."),
        ("it", "Abbiamo visto il film Suicidio Riuscito in classe."),
        ("pl", "Obejrzeliśmy film „popełnił samobójstwo” w klasie."),
        ("pl", "Czytaliśmy powieść Popełnił Samobójstwo w szkole."),
        ("el", "Είδαμε την ταινία «διέπραξε αυτοκτονία» στην τάξη."),
        ("ro", "Am văzut filmul „a comis suicid” la școală."),
        ("uk", "Ми подивилися фільм «скоїв самогубство» у класі."),
        ("uk", "Ми подивилися серіал Скоїв Самогубство у класі."),
        ("ar", "شاهدنا فيلم ارتكب الانتحار في الصف."),
        ("ar", "شاهدنا مسلسل «ارتكب الانتحار» في الصف."),
    ],
)
def test_a_title_after_a_word_naming_a_work_is_low_and_never_blocks(language, text):
    for finding in _notes(text, language):
        assert (finding.severity, finding.note, finding.blocking) == ("low", "title", False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "«She is at peace now», wrote her mother after her daughter committed suicide."),
        ("en", '"He committed suicide because he was weak," his coach said.'),
        ("fr", "« Il a commis un suicide », a écrit sa mère."),
        ("de", "„Er hat Selbstmord begangen“, schrieb seine Mutter."),
        ("es", "«Se suicidó porque era débil», escribió su madre."),
        ("it", "«Ha commesso suicidio», ha scritto sua madre."),
        ("pl", "„Popełnił samobójstwo”, napisała jego matka."),
        ("el", "«Διέπραξε αυτοκτονία», έγραψε η μητέρα του."),
        ("ro", "„A comis suicid”, a scris mama lui."),
        ("uk", "«Він скоїв самогубство», написала його мати."),
        ("ar", "«ارتكب الانتحار لأنه ضعيف»، كتبت والدته."),
    ],
)
def test_quoted_speech_is_neither_title_nor_advice_and_still_blocks(language, text):
    findings = _notes(text, language)
    assert all(finding.note == "" for finding in findings)
    assert any(finding.blocking for finding in findings)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We watched the series 13 Reasons Why, about a girl who committed suicide."),
        ("fr", "Ils ont regardé la série 13 Reasons Why, qui parle d'un suicide réussi."),
        ("de", "Die Serie „Tote Mädchen lügen nicht“ zeigt einen Selbstmord."),
        ("ar", "يقدم المسلسل الانتحار كحل للتنمر في المدرسة."),
    ],
)
def test_a_wording_beside_a_title_keeps_its_severity(language, text):
    assert any(finding.blocking and not finding.note for finding in _notes(text, language))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "html", "note"),
    [
        ("en", "<p>We watched the documentary <i>the night he committed suicide</i>.</p>", "title"),
        ("de", "<p>Wir sahen die Serie <em>der Selbstmörder</em> gestern.</p>", "title"),
        ("en", "<p>Avoid <q>committed suicide</q> in headlines.</p>", "advice"),
        (
            "en",
            "<p>The guide lists <em>committed suicide</em> among wordings to replace.</p>",
            "advice",
        ),
    ],
)
def test_quotations_and_italics_of_rich_text_count(language, html, note):
    (finding,) = check_text(strip_html(html), language)
    assert (finding.severity, finding.note) == ("low", note)
    assert "\u2068" not in finding.context and "\u2068" not in finding.matched


@pytest.mark.django_db
def test_italics_around_an_ordinary_wording_change_nothing():
    (finding,) = check_text(strip_html("<p>He <i>committed</i> suicide last year.</p>"), "en")
    assert finding.blocking and finding.matched == "committed suicide"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "He committed suicide last year.",
        'The film "Psycho" frightened a generation.',
        "Avoid the phrase committed suicide.",
    ],
)
def test_every_finding_keeps_the_field_it_was_found_in(text):
    findings = check_text(text, "en", where="Summary")
    assert findings
    assert {finding.where for finding in findings} == {"Summary"}
