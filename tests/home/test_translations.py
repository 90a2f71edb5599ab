"""The interface is completely translated into fr, uk and ar, and the compiled catalogues
match their sources."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "site" / "locale"
COMPLETE_LANGUAGES = ["fr", "uk", "ar"]


@pytest.mark.parametrize("code", COMPLETE_LANGUAGES)
def test_catalogue_is_complete(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{code}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy[:10]}"


@pytest.mark.parametrize("code", COMPLETE_LANGUAGES)
def test_compiled_catalogue_matches_source(code):
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in mo}
    for entry in po.translated_entries():
        assert (entry.msgctxt, entry.msgid) in compiled, f"{code}: run `make messages`"
        if not entry.msgid_plural:
            assert compiled[(entry.msgctxt, entry.msgid)].msgstr == entry.msgstr


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "expected"),
    [("fr", "Sortie rapide"), ("uk", "Швидкий вихід"), ("ar", "خروج سريع")],
)
def test_pages_show_the_translated_interface(client, translated_home, code, expected):
    html = client.get(f"/{code}/").content.decode()
    assert expected in html
    for english in ("Quick exit", "Skip to main content", "Need help now?"):
        assert english not in html
