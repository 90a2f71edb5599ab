"""Words that tell what a sentence does with a flagged wording, in the ten languages (no
database access): whether it talks about the wording (a guide's advice: "avoid the word X",
"say Y instead of X", "X, not Y"), names a work that carries it (the film «Psycho», the
series 13 Reasons Why), or reports someone's speech («She is at peace now», wrote her
mother), which is neither and keeps its severity.

Every list holds folded words (see ``text.fold``); a word ending in ``*`` stands for every
word starting so (inflected forms: filmu, filmie). A cue of several words is written with
spaces and must appear in that order, word after word.
"""

import re
from functools import lru_cache
from itertools import islice

from home.language_check.text import WORD, fold

# How far before a wording its cue is looked for (some six words).
REACH = 48

# Cues that a sentence talks about wording: naming it, choosing it or replacing it.
WORDING = {
    "en": "word words term terms expression expressions phrase phrases wording label labels "
    "say saying write writing use using call calling describe describing avoid avoiding "
    "prefer instead rather replace replacing refer referring, not",
    "fr": "mot mots terme termes expression expressions formule formules dire ecrire ecrivez "
    "utiliser utilisez employer employez parler qualifier eviter evitez preferer preferez "
    "remplacer remplacez plutot lieu, pas|et non|non",
    "de": "wort worter begriff begriffe begriffs ausdruck ausdrucke formulierung* bezeichnung* "
    "sagen schreiben schreibt verwenden verwendet benutzen sprechen nennen vermeiden vermeidet "
    "statt anstatt anstelle ersetzen ersetzt besser lieber, nicht",
    "es": "palabra palabras termino terminos expresion expresiones decir diga escribir escriba "
    "usar use utilizar utilice hablar hable llamar evitar evite evitense preferir prefiera "
    "reemplazar sustituir sustituya lugar vez, no|tales como",
    "it": "parola parole termine termini espressione espressioni dire dite scrivere scrivete "
    "usare usate utilizzare parlare chiamare evitare evitate preferire preferite sostituire "
    "invece anziche piuttosto, non|e non",
    "pl": "słowo słowa słow słowem termin terminu terminy okreslenie* wyrazenie* zwrot* "
    "mowic mow mowcie pisac pisz piszcie uzywac uzywaj nazywac unikac unikaj unikajcie "
    "zamiast zastapic zastap lepiej, nie|takie jak|typu",
    "el": "λεξη λεξεις ορος οροι ορο ορους εκφραση εκφρασεις φραση λεμε γραφετε γραψτε "
    "γραφουμε χρησιμοποιειτε χρησιμοποιουμε αποφυγετε αποφευγονται αποφευγεται αντι "
    "αντικαταστηστε προτιμηστε καλυτερα παρα οπως, οχι",
    "ro": "cuvant cuvantul cuvintele cuvinte termen termenul termeni expresia expresii "
    "expresie spunem spuneti scrieti scriem scrie folositi folosim utilizati evitati evita "
    "preferati inlocuiti loc decat precum, nu",
    "uk": "слово слова слів термін терміни терміна вислів вислови вирази виразів "
    "формулювання казати кажіть писати пишіть вживати вживайте використовувати називати "
    "уникати уникайте замість замінити замініть краще ніж, не|на кшталт",
    "ar": "كلمه كلمات كلمتي مصطلح مصطلحات عباره عبارات تعبير نقول قولوا تكتبوا اكتبوا "
    "تستخدموا استخدموا تجنبوا تجنب بدلا بدل عوضا, ليس|من قبيل",
}
# Cues that introduce the wording right after them: a noun naming wording, alone or with
# "such as", or a phrase that swaps one wording for another.
INTRODUCERS = {
    "en": "word words term terms expression expressions phrase phrases label labels wording, "
    "not|instead of|rather than|replace",
    "fr": "mot mots terme termes expression expressions formule formules qualificatif, "
    "pas|non|au lieu de|plutot que|remplacer|remplacez",
    "de": "wort worter begriff begriffe ausdruck ausdrucke formulierung formulierungen "
    "bezeichnung bezeichnungen, nicht|statt|anstatt|anstelle von|ersetzen",
    "es": "palabra palabras termino terminos expresion expresiones, "
    "no|en lugar de|en vez de|sustituir|reemplazar",
    "it": "parola parole termine termini espressione espressioni, "
    "non|e non|invece di|anziche|piuttosto che|sostituire",
    "pl": "słowo słowa słow słowem termin terminy okreslenie okreslenia okreslen wyrazenie "
    "wyrazenia zwrot zwroty, nie|zamiast",
    "el": "λεξη λεξεις ορος οροι ορο ορους εκφραση εκφρασεις φραση φρασεις, οχι|αντι για|αντι",
    "ro": "cuvantul cuvintele cuvinte termenul termeni termenii expresia expresii expresiile, "
    "nu|in loc de|decat",
    "uk": "слово слова слів термін терміни терміна вислів вислови вирази виразів, не|замість|ніж",
    "ar": "كلمه كلمات كلمتي مصطلح مصطلحات عباره عبارات تعبير, ليس|بدلا من|بدل|عوضا عن",
}
# "such as" after a noun of ``INTRODUCERS`` (terms such as X): the words, last word first.
SUCH_AS = {
    "en": ["such as", "like"],
    "fr": ["comme", "tels que", "telles que", "tel que"],
    "de": ["wie"],
    "es": ["como", "tales como"],
    "it": ["come", "quali"],
    "pl": ["jak", "takie jak", "takich jak", "typu"],
    "el": ["οπως"],
    "ro": ["precum", "ca"],
    "uk": ["як", "на кшталт", "такі як"],
    "ar": ["مثل", "من قبيل"],
}
# Definite articles: a noun of ``INTRODUCERS`` with one before it (the word X) introduces a
# wording that is not quoted; where a language has none, the noun alone does.
DEFINITE = {
    "en": "the",
    "fr": "le la l",
    "de": "der die das den dem des",
    "es": "el la",
    "it": "il lo la l",
    "el": "ο η το τη την τον",
}
# Words between a cue and the wording it introduces: articles and "of".
BETWEEN = {
    "en": "the a an of",
    "fr": "le la les l un une des de d du",
    "de": "der die das den dem des von vom",
    "es": "el la los las un una de del",
    "it": "il lo la i gli le l un una di del della",
    "pl": "",
    "el": "ο η το οι τα τον την του της",
    "ro": "",
    "uk": "",
    "ar": "",
}
# Words that introduce the title of a work, with their inflected forms.
TITLES = {
    "en": "film films movie movies series show shows book books novel novels song songs "
    "album albums play plays documentary documentaries podcast podcasts game games",
    "fr": "film films serie series emission livre livres roman romans chanson chansons "
    "album albums piece documentaire documentaires podcast podcasts jeu jeux",
    "de": "film* serie* sendung* show buch buches bucher roman* lied* song* album* "
    "theaterstuck* stuck* dokumentation* doku* podcast* spiel* videospiel*",
    "es": "pelicula* serie* programa libro* novela* cancion* album* obra* "
    "documental* podcast* juego* videojuego*",
    "it": "film serie programma libro libri romanzo romanzi canzone canzoni album opera "
    "documentario documentari podcast gioco giochi videogioco",
    "pl": "film* serial* program* ksiazk* ksiazce powiesc* powiesci piosenk* album* "
    "sztuk* dokument* podcast* gr* gier",
    "el": "ταινια* σειρα* σειρας εκπομπη* βιβλι* μυθιστορημα* τραγουδι* αλμπουμ "
    "εργο εργου θεατρικ* ντοκιμαντερ* podcast παιχνιδι*",
    "ro": "film* serial* emisiun* cart* roman* cantec* album* piesa piesei "
    "documentar* podcast* joc* jocul",
    "uk": "фільм* серіал* шоу передач* книг* книжк* роман* пісн* альбом* п'єс* "
    "документальн* подкаст* гр* серії серія",
    "ar": "فيلم روايه اغنيه مسرحيه كتاب ديوان قصيده مسلسل البوم برنامج وثائقي لعبه",
}
# Verbs that report what someone said or wrote: a quotation beside one is speech.
SPEECH = {
    "en": "said says wrote writes told tells added recalled explained asked according",
    "fr": "dit dire ecrit ecrivait declare declarait raconte racontait confie confiait "
    "explique expliquait ajoute ajoutait selon",
    "de": "sagte sagt sagten schrieb schreibt erklarte erklart erzahlte erzahlt so fugte",
    "es": "dijo dice escribio escribe explico conto cuenta afirmo declaro segun anadio",
    "it": "detto disse dice scritto scrisse scrive spiega spiego racconta raccontato secondo",
    "pl": "powiedziała powiedział napisała napisał mowi pisze wyjasnia dodała dodał według",
    "el": "ειπε λεει εγραψε γραφει δηλωσε εξηγησε προσθεσε σημειωσε",
    "ro": "spus spune scris scrie declarat explicat adaugat potrivit",
    "uk": "сказала сказав каже написала написав пише розповіла розповів пояснила додала",
    "ar": "كتبت كتب قالت قال تقول يقول صرح صرحت اضافت اضاف",
}
LOWER_WORDS = {"of", "the", "a", "de", "la", "le", "du", "des", "und", "der", "die", "y", "e"}
TOKEN = re.compile(rf"{WORD.pattern}|,|،")


def _read(source):
    """(single words, prefixes, multi-word cues) of one space-separated list; a comma-led
    tail ("…, not|such as") holds cues after a comma and cues of several words."""
    head, _, tail = source.partition(", ")
    single = set()
    prefixes = []
    for word in fold(head).split():
        if word.endswith("*"):
            prefixes.append(word[:-1])
        else:
            single.add(word)
    parts = tail.split("|") if tail else []
    phrases = [(",", *parts[0].split())] if parts else []
    phrases.extend(tuple(part.split()) for part in parts[1:])
    return frozenset(single), tuple(prefixes), phrases


_WORDING = {code: _read(source) for code, source in WORDING.items()}
_INTRODUCERS = {code: _read(source) for code, source in INTRODUCERS.items()}
_TITLES = {code: _read(source) for code, source in TITLES.items()}
_SPEECH = {code: frozenset(fold(source).split()) for code, source in SPEECH.items()}
_BETWEEN = {code: frozenset(source.split()) for code, source in BETWEEN.items()}


def _is(word, cues):
    single, prefixes, _phrases = cues
    return word in single or (prefixes and word.startswith(prefixes))


# Words repeat: each is folded once per process.
_fold = lru_cache(maxsize=1 << 16)(fold)


def words(text):
    """The folded words (and commas) of ``text``."""
    return [_fold(match.group()) for match in TOKEN.finditer(text)]


def words_before(paragraph, start, position):
    """The folded words (and commas) of the last ``REACH`` characters before ``position``
    (from ``start`` on)."""
    return words(paragraph[max(start, position - REACH) : position])


def _ends_with_cue(words, cues):
    """Whether a list of folded words ends with a cue of ``cues``."""
    if not words:
        return False
    if _is(words[-1], cues):
        return True
    return any(tuple(words[-len(phrase) :]) == phrase for phrase in cues[2])


def talks_about_wording(sentence_words, language):
    """Whether a sentence's folded words hold a cue that it talks about wording."""
    cues = _WORDING.get(language)
    if cues is None:
        return False
    if any(_is(word, cues) for word in sentence_words):
        return True
    for phrase in cues[2]:
        size = len(phrase)
        if any(
            tuple(sentence_words[index : index + size]) == phrase
            for index, word in enumerate(sentence_words)
            if word == phrase[0]
        ):
            return True
    return False


def introduced(before_words, language, quoted=True):
    """Whether the words just before a wording introduce it as wording ("the word", "instead
    of", ", not"), articles in between left aside."""
    cues = _INTRODUCERS.get(language)
    if cues is None:
        return False
    between = _BETWEEN.get(language, frozenset())
    words = list(before_words[-6:])
    if words and words[-1] in between:
        words.pop()
    if words and _is(words[-1], cues):
        definite = DEFINITE.get(language)
        return quoted or not definite or (len(words) > 1 and words[-2] in definite.split())
    if _ends_with_cue(words, cues):
        return True
    for such in SUCH_AS.get(language, ()):
        such = tuple(such.split())
        if tuple(words[-len(such) :]) == such:
            return _is_noun(words[: -len(such)], cues)
    return False


def _is_noun(words, cues):
    """Whether the last word (or, after a word like "other", the one before) is a noun of
    the cues' single words."""
    return any(_is(word, cues) for word in words[-2:])


def after_title_word(before_words, language, reach=2):
    """Whether one of the last ``reach`` words before a span names a kind of work."""
    cues = _TITLES.get(language)
    return bool(cues) and any(_is(word, cues) for word in before_words[-reach:])


def is_speech(paragraph, span, language):
    """Whether a quotation is reported speech: a reporting verb among the three words after
    it («…», wrote her mother), a colon or a reporting verb and a comma just before it (she
    said: “…”), or a comma, "!" or "?" closing it inside the marks."""
    verbs = _SPEECH.get(language, frozenset())
    inner = paragraph[span[0] : span[1]].rstrip(" \"'“”„«»‹›‘’‚\u2068\u2069")
    if inner.endswith((",", "!", "?", "،")):
        return True
    after = [_fold(match.group()) for match in islice(TOKEN.finditer(paragraph, span[1]), 4)]
    if after and after[0] in (",", "،"):
        if set(after[1:4]) & verbs:
            return True
    elif after and after[0] in verbs:
        return True
    before_text = paragraph[max(0, span[0] - 40) : span[0]].rstrip(" \u00a0")
    if before_text.endswith(":"):
        return True
    if not before_text.endswith((",", "،")):
        return False
    before = words(before_text[-30:])
    return len(before) > 1 and before[-2] in verbs


def title_run(paragraph, sentence_start, hit_start, hit_end, language, uncased):
    """Whether a wording sits in a capitalised run of words right after a word naming a kind
    of work (the series 13 Reasons Why); where the script has no capitals, within the two
    words after it."""
    found = TOKEN.finditer(paragraph, max(sentence_start, hit_start - REACH), hit_start)
    before = [match for match in found if match.group() not in ",،"]
    inside = [m.group() for m in WORD.finditer(paragraph, hit_start, hit_end)]
    if inside and after_title_word([_fold(inside[0])], language, 1):
        return _capitalised(inside[1:], uncased)  # the hit takes the title word in
    for back in range(1, 4):
        if back > len(before):
            return False
        if after_title_word([_fold(before[-back].group())], language, 1):
            if uncased and back > 1:
                return False
            run = [match.group() for match in before[len(before) - back + 1 :]] + inside
            return _capitalised(run, uncased)
    return False


def _capitalised(run, uncased):
    """Whether a run of words reads as a title: capitalised words, numbers and small words
    between them; where the script has no capitals, at most four words."""
    if uncased:
        return 0 < len(run) <= 4
    return bool(run) and all(
        word[0].isupper() or word[0].isdigit() or word in LOWER_WORDS for word in run
    )
