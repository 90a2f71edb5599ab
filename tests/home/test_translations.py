"""The interface is completely translated into every language the site offers (fr, uk, ar, pl,
el, ro, de, es and it), and the compiled catalogues match their sources."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(__file__).resolve().parents[2] / "site" / "locale"
COMPLETE_LANGUAGES = ["fr", "uk", "ar", "pl", "el", "ro", "de", "es", "it"]


def test_every_offered_language_has_a_catalogue():
    """A language added to the settings without an interface catalogue would show readers
    English chrome, crisis banner included: it has to join the list above."""
    offered = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    assert offered == set(COMPLETE_LANGUAGES)


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
    [
        ("fr", "Sortie rapide"),
        ("uk", "Швидкий вихід"),
        ("ar", "خروج سريع"),
        ("pl", "Szybkie wyjście"),
        ("el", "Γρήγορη έξοδος"),
        ("ro", "Ieșire rapidă"),
        ("de", "Schnell verlassen"),
        ("es", "Salida rápida"),
        ("it", "Uscita rapida"),
    ],
)
def test_pages_show_the_translated_interface(client, translated_home, code, expected):
    html = client.get(f"/{code}/").content.decode()
    assert expected in html
    for english in ("Quick exit", "Skip to main content", "Need help now?"):
        assert english not in html


# What a reader in crisis reads first, in the languages whose home pages tests do not
# translate: the banner's heading, its emergency line and its link to more support.
CRISIS_BANNER = {
    "de": ("Brauchen Sie jetzt Hilfe?", "Im Notfall rufen Sie", "Weitere Hilfsangebote"),
    "es": ("¿Necesitas ayuda ahora?", "En caso de emergencia, llama al", "Más servicios de apoyo"),
    "it": (
        "Hai bisogno di aiuto adesso?",
        "In caso di emergenza chiama il",
        "Altri servizi di supporto",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", sorted(CRISIS_BANNER))
def test_crisis_banner_speaks_the_readers_language(client, home_page, get_help_page, locales, code):
    """The banner on a translated page, and on the get-help page itself, is in the reader's
    language, down to the link to the other support services."""
    home_page.copy_for_translation(locales[code]).save_revision().publish()
    get_help_page.copy_for_translation(locales[code]).save_revision().publish()
    for path in (f"/{code}/", f"/{code}/get-help/"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        banner = html[html.index('class="crisis-banner"') :]
        banner = banner[: banner.index("</ul>")]
        for words in CRISIS_BANNER[code]:
            assert words in banner, (path, words)
        for english in ("Need help now?", "In an emergency call", "More support services"):
            assert english not in banner, (path, english)


EXTRACT = """
import django, sys
from django.conf import settings
django.setup()
settings.LOCALE_PATHS = [sys.argv[1]]
from django.core.management import call_command
call_command(
    "makemessages", locale=["fr"], verbosity=0,
    ignore_patterns=[".venv/*", "node_modules/*", "tests/*", "static_collected/*"],
)
"""


def test_every_interface_string_in_the_code_is_in_the_catalogues(tmp_path):
    """A string added to the code without a translation fails here (needs GNU gettext,
    which CI installs; `make messages` updates the catalogues)."""
    import os
    import shutil
    import subprocess
    import sys

    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("GNU gettext (xgettext) is needed to check the catalogues")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "openly.settings.test"
    root = Path(__file__).resolve().parents[2]
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", EXTRACT, str(tmp_path)], cwd=root, env=env, check=True
    )
    extracted = polib.pofile(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))
    for code in COMPLETE_LANGUAGES:
        catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
        translated = {(e.msgctxt, e.msgid) for e in catalogue.translated_entries()}
        missing = [e.msgid for e in extracted if (e.msgctxt, e.msgid) not in translated]
        assert not missing, f"{code}: not translated yet (run `make messages`): {missing[:10]}"
