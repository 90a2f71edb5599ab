"""Word forms to the keys rules match on: the folded form itself and its lemma, so a rule
written "Selbstmörder" or "повішений" finds every inflection of the word.

Lemmas come from simplemma (all ten languages), and for Ukrainian from pymorphy3 as well:
on the inflected forms the guides warn about (повішеним, психушці, психом, ненормальна)
pymorphy3's dictionary gives the lemma where simplemma returns the form unchanged, so both
are used. Every form is lemmatised once per process (the caches below); simplemma's
dictionaries are read from their cache folder (``home.lemma_dictionaries``, shared with site
search).

German compounds (Suizidepidemie, Selbstmordgedanken, Suizidopfer) are split against the
rules' own words: a compound whose first or last part is a word some rule looks for is read
as that part and the rest. The splitting libraries on the package index split on character
statistics, give one split, and are either unmaintained or new; the rules only ever need to
know whether a compound contains one of their words, which a dictionary look-up per split
point answers exactly and fast.
"""

from functools import cache, lru_cache

import pymorphy3

from home import lemma_dictionaries as dictionaries
from home.language_check.text import fold

# German separable-verb particles (er bringt sich um → umbringen; umzubringen → umbringen).
PARTICLES = (
    "zurück",
    "hinunter",
    "herunter",
    "runter",
    "durch",
    "nach",
    "fest",
    "ab",
    "an",
    "auf",
    "aus",
    "ein",
    "los",
    "mit",
    "um",
    "vor",
    "weg",
    "zu",
)
LINKS = ("s", "es", "n", "en", "e")  # German linking sounds: Selbstmord|s|gedanken
MIN_PART = 4
ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")
# Arabic clitics written onto a word (longest first): conjunctions, prepositions, article.
ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "و", "ب", "ل")
ARABIC_SUFFIXES = ("هما", "هم", "ها", "نا", "ه", "ك", "ا")
# Romanian typed with the cedilla letters ş ţ (older keyboards and fonts): the dictionary
# has the comma-below letters ș ț.
ROMANIAN_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")


@cache
def morph():
    """The Ukrainian analyser, loaded once on first use (it reads its dictionary files)."""
    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=200_000)
def keys(form, language):
    """The folded keys of one word form: itself and its lemmas."""
    found = {fold(form)}
    lang = language if language in SIMPLEMMA_LANGUAGES else None
    if lang:
        found.add(fold(dictionaries.lemmatize(form, lang)))
        lower = form.lower()
        if lower != form:
            found.add(fold(dictionaries.lemmatize(lower, lang)))
    if language == "ro" and (comma := form.translate(ROMANIAN_COMMA)) != form:
        found.add(fold(dictionaries.lemmatize(comma, lang)))
        found.add(fold(dictionaries.lemmatize(comma.lower(), lang)))
    if language == "uk":
        for parse in morph().parse(form.lower())[:2]:
            found.add(fold(parse.normal_form))
    if language == "ar":
        found.update(_arabic_stems(form))
    if language == "de":
        folded = fold(form)
        found.update(_zu_infinitive(folded))
        # Adjectives and participles the dictionary lacks in one of their declined forms
        # (epidemische, missglückten): their undeclined form too.
        for ending in ADJECTIVE_ENDINGS:
            if folded.endswith(ending) and len(folded) - len(ending) >= 5:
                found.add(folded[: -len(ending)])
                break
    return frozenset(found)


def _arabic_stems(form):
    """The word without its attached conjunction, preposition or article and without a
    possessive ending (بانتحاره → انتحار), with the lemmas of what is left."""
    stems = set()
    folded = fold(form)
    bases = [folded]
    for prefix in ARABIC_PREFIXES:
        # A lone letter is stripped only from a long word (كاملة is no ك + املة).
        rest = len(folded) - len(prefix)
        if folded.startswith(prefix) and rest >= (4 if len(prefix) == 1 else 3):
            bases.append(folded[len(prefix) :])
            break
    for base in list(bases):
        for suffix in ARABIC_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                bases.append(base[: -len(suffix)])
                break
    for base in bases[1:]:
        stems.add(base)
        if len(base) >= 4:
            stems.add(fold(dictionaries.lemmatize(base, "ar")))
    return stems


def _zu_infinitive(folded):
    """umzubringen → umbringen, aufzuhängen → aufhängen."""
    for particle in PARTICLES:
        marker = particle + "zu"
        if folded.startswith(marker) and len(folded) - len(marker) >= MIN_PART:
            return {particle + folded[len(marker) :]}
    return set()


def split_compound(form, lexicon):
    """(head keys, tail keys) of a German compound noun whose first or last part is in
    ``lexicon`` (folded words) and whose other part is a known word, or None. The longest
    such part wins. Only nouns are split (psychotischen is no Psycho + tischen)."""
    if not dictionaries.lemmatize(form, "de")[:1].isupper():
        return None
    folded = fold(form)
    best = None
    for index in range(MIN_PART, len(folded) - MIN_PART + 1):
        head, tail = folded[:index], folded[index:]
        head_hit = _in_lexicon_head(head, lexicon)
        tail_keys = keys(tail.capitalize(), "de")
        tail_hit = bool(tail_keys & lexicon)
        if not (
            (head_hit and _known(tail.capitalize())) or (tail_hit and _known(head.capitalize()))
        ):
            continue
        weight = max(len(head) if head_hit else 0, len(tail) if tail_hit else 0)
        if best is None or weight > best[0]:
            head_keys = frozenset({head, head_hit or head})
            best = (weight, head_keys, tail_keys | {tail})
    return None if best is None else best[1:]


def _known(word):
    return dictionaries.is_known(word, "de")


def _in_lexicon_head(head, lexicon):
    """The lexicon word ``head`` is (perhaps with a linking sound), or ''. A Greek or Latin
    combining form ending in -o (psycho-, schizo-, neuro-) is a prefix, not a word of its
    own: Psychotherapie is no Psycho + Therapie."""
    if head.endswith("o"):
        return ""
    if head in lexicon:
        return head
    for link in LINKS:
        if head.endswith(link) and head[: -len(link)] in lexicon:
            return head[: -len(link)]
    return ""


def separable(lemma):
    """(particle, verb) for a German separable verb's lemma (umbringen → um, bringen)."""
    for particle in PARTICLES:
        rest = lemma[len(particle) :]
        if lemma.startswith(particle) and len(rest) >= MIN_PART and rest.endswith("n"):
            return particle, rest
    return None


SIMPLEMMA_LANGUAGES = {"en", "fr", "de", "uk", "ar", "es", "it", "pl", "el", "ro"}


def preload():
    """Load every language's lemma dictionaries and the Ukrainian analyser now, so the first
    check a process makes does not wait for them (web and worker processes call it as they
    start; see deploy/gunicorn.conf.py)."""
    dictionaries.prepare()
    morph()
