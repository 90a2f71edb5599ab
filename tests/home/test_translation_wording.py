"""The interface's translations follow each language's guide to talking about mental health
and suicide: person-first, no wording that calls suicide a crime ("committed suicide" and
its equivalents, German "Selbstmord"/"Freitod"), no "the mentally ill" or "suffers from".
A translation may use such words only where the English does too (the language check's
help text gives 'committed suicide' as an example of what to flag)."""

from pathlib import Path

import polib
import pytest

from tests.home.test_translations import COMPLETE_LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parents[2] / "site" / "locale"

# Lower-case fragments each language's guide asks writers to avoid.
AVOID = {
    "fr": [
        "commis un suicide",
        "commettre un suicide",
        "malade mental",
        "malades mentaux",
        "souffre de",
        "souffrent de",
        "un schizophrène",
        "les schizophrènes",
    ],
    "de": [
        "selbstmord",
        "freitod",
        "geisteskrank",
        "ein schizophrener",
        "psychisch kranke",
        "leidet an",
        "leiden an",
        "leidet unter",
    ],
    "es": [
        "cometer suicidio",
        "cometió suicidio",
        "comete suicidio",
        "enfermo mental",
        "enfermos mentales",
        "un esquizofrénico",
        "sufre de",
        "sufren de",
    ],
    "it": [
        "commesso suicidio",
        "commettere suicidio",
        "commette suicidio",
        "malato di mente",
        "malati di mente",
        "uno schizofrenico",
        "soffre di",
        "soffrono di",
    ],
    "pl": [
        "popełnił samobójstwo",
        "popełnić samobójstwo",
        "popełniła samobójstwo",
        "popełnia samobójstwo",
        "schizofrenik",
        "chory psychicznie",
        "chorzy psychicznie",
        "cierpi na",
        "cierpią na",
    ],
    "el": [
        "διέπραξε αυτοκτονία",
        "διαπράττει αυτοκτονία",
        "ψυχασθεν",
        "ένας σχιζοφρενής",
        "πάσχει από",
        "πάσχουν από",
    ],
    "ro": [
        "a comis suicid",
        "comite suicid",
        "comis suicid",
        "bolnav psihic",
        "bolnavi psihic",
        "un schizofrenic",
        "suferă de",
    ],
    "uk": [
        "вчинив самогубство",
        "вчинила самогубство",
        "скоїв самогубство",
        "психічнохвор",
        "шизофренік",
        "страждає на",
    ],
    "ar": ["ارتكب الانتحار", "مريض عقلي", "مجنون"],
}
# English wording that lets a translation quote the same thing (as an example to flag).
QUOTED_IN_ENGLISH = ["committed suicide", "commits suicide", "suffers from", "mentally ill"]


def test_every_language_has_a_list():
    assert set(AVOID) == set(COMPLETE_LANGUAGES)


@pytest.mark.parametrize("code", COMPLETE_LANGUAGES)
def test_translations_use_non_stigmatising_wording(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    found = []
    for entry in po.translated_entries():
        if any(words in entry.msgid.lower() for words in QUOTED_IN_ENGLISH):
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            found += [(words, entry.msgid) for words in AVOID[code] if words in text.lower()]
    assert found == []


@pytest.mark.parametrize("code", COMPLETE_LANGUAGES)
def test_the_guide_examples_are_translated_as_the_better_wording(code):
    """'died by suicide', the language check's example of better wording, is translated
    without any of the wording to avoid."""
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    entry = po.find("Better wordings, one per line, e.g. 'died by suicide'.")
    assert entry is not None and entry.msgstr
    assert not [words for words in AVOID[code] if words in entry.msgstr.lower()]
