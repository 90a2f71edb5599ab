"""Reading text the way the rules need it, with no database access: folding case, accents and
apostrophes, cutting a paragraph into sentences and words, and finding quotations.

A quotation is found per paragraph and never runs into the next one. Every quotation style
of the ten languages pairs up: “…” ‘…’ „…“ „…” ‚…‘ «…» »…« ‹…› and straight "…" and '…'.
A closing ’ between two letters (don’t, Hitchcock’s) is an apostrophe, not the end of a
quotation, so a ‘single-quoted’ pair no longer upsets the quotations after it.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Apostrophes and letter-like quote marks written inside words (’ ' ʼ ‘ ` ´ ′).
APOSTROPHES = "\u2019\u02bc\u2018\u0060\u00b4\u2032"
APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
# Hyphens that join words (‐ ‑); a soft hyphen stays inside its word and is left out of
# the word's form.
HYPHEN_TABLE = str.maketrans({"\u2010": "-", "\u2011": "-"})
# Languages whose apostrophe belongs inside a word (Ukrainian здоров'я); elsewhere it cuts
# one (l'asile, Hitchcock's).
APOSTROPHE_IN_WORD = {"uk"}
# Languages whose script has no capitals (a title cannot be told by its capitals).
UNCASED = {"ar"}
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
ARABIC_TABLE = str.maketrans({"\u0640": None, "\u0649": "\u064a", "\u0629": "\u0647"})
# Combining marks belong to their word (Arabic shadda and harakat, a decomposed accent).
MARKS = "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# A run of letters, then any number of (a mark, a soft hyphen, or an apostrophe or hyphen
# before a letter) each with the letters after it; written with runs rather than one
# character at a time, which the regular expression engine reads a third faster.
WORD = re.compile(rf"[^\W_]+(?:(?:[{MARKS}\u00ad]|['\-](?=[^\W_]))[^\W_]*)*")
# Checked just after a sentence's mark: a full stop after a single letter ends no sentence,
# being an initial or part of an abbreviation written with stops (J. K. Rowling, e.g., z.B.,
# π.χ., i.e.).
NOT_INITIAL = r"(?<![\s.(\[\"'«„“‘][^\W\d_]\.)(?<!^[^\W\d_]\.)"
# Marks that end a question or an exclamation (Arabic's question mark ؟ too), which may end
# a headline (see ``headline_joins``); with them, the marks that end a sentence.
HEADLINE_MARKS = "!?؟"
SENTENCE_MARKS = f".{HEADLINE_MARKS}…;"
# Closing quotes and brackets that may follow a sentence's mark, as a character class.
CLOSERS = r"[\"'»“”’)\]]*"
# A sentence's end: its mark and closing quotes (group 1) before spaces, or line breaks. It
# starts with the one character class so the engine skips to the next mark at C speed.
SENTENCE_END = re.compile(
    rf"[{SENTENCE_MARKS}\n]{NOT_INITIAL}(?:(?<=[{SENTENCE_MARKS}])({CLOSERS})\s+|(?<=\n)\n*)"
)
# A word (the group) or the end of a sentence (an empty string in ``findall``): the words
# of a paragraph, sentence by sentence, in one pass.
SENTENCE_OR_WORD = re.compile(rf"({WORD.pattern})|[{SENTENCE_MARKS}]{NOT_INITIAL}{CLOSERS}\s+|\n+")
# Characters ``normalise`` rewrites (most paragraphs have none: then nothing is copied).
UNUSUAL = re.compile(f"[{APOSTROPHES}\u2010\u2011\u00a0]")
UNUSUAL_TABLE = {**dict.fromkeys(APOSTROPHES, "'"), "\u2010": "-", "\u2011": "-", "\u00a0": " "}
CLAUSE_MARK = re.compile(r"[,;:–—()]")
# Italics of rich text (a title in <i>), written as invisible isolate marks.
ITALIC_OPEN = "\u2068"
ITALIC_CLOSE = "\u2069"
UNMARK = str.maketrans("", "", ITALIC_OPEN + ITALIC_CLOSE)
# Opening mark -> the closing marks it takes.
PAIRS = {
    ITALIC_OPEN: ITALIC_CLOSE,
    "“": "”“",  # English “…”, and the German closer “ after „ is handled below
    "„": "“”",
    "‚": "‘’",
    "«": "»",
    "‹": "›",
    "‘": "’",
}


@dataclass(slots=True)
class Word:
    """One word of a sentence: where it is, and its form as the text writes it."""

    start: int
    end: int
    form: str
    clause: int


def fold(text):
    """Lower case without accents (Cyrillic й, ї and ё keep theirs: they are other letters)."""
    text = unicodedata.normalize("NFD", text.casefold())
    kept = []
    for char in text:
        cyrillic_mark = kept and "\u0400" <= kept[-1] <= "\u04ff"
        if not unicodedata.combining(char) or cyrillic_mark:
            kept.append(char)
    # Arabic: no tatweel, and alef maqsura and ta marbuta written as ya and ha, as they
    # often are in running text.
    return unicodedata.normalize("NFC", "".join(kept)).translate(ARABIC_TABLE)


def exact(text):
    """Lower case with accents kept, for wordings that must match one form only (drogué is
    not drogue); Arabic harakat, tatweel and letter variants are still set aside."""
    text = unicodedata.normalize("NFC", text.casefold()).translate(ARABIC_TABLE)
    return ARABIC_MARKS.sub("", text)


def normalise(text):
    """Apostrophes, hyphens and spaces written one way, keeping every character's place (so
    a finding's position in the normalised text is its position in the original)."""
    if UNUSUAL.search(text) is None:
        return text
    return UNUSUAL.sub(_usual, text)


def _usual(match):
    return UNUSUAL_TABLE[match.group()]


def words(sentence, offset, language):
    """The words of one sentence (hyphenated words cut into their parts, and, except in
    Ukrainian, words cut at an apostrophe), with their clause numbers."""
    found = []
    marks = [mark.start() for mark in CLAUSE_MARK.finditer(sentence)]
    clause = 0
    for match in WORD.finditer(sentence):
        position = match.start()
        while clause < len(marks) and marks[clause] < position:
            clause += 1
        token = match.group(0)
        if "-" not in token and ("'" not in token or language in APOSTROPHE_IN_WORD):
            form = token.replace("\u00ad", "") if "\u00ad" in token else token
            found.append(Word(offset + position, offset + match.end(), form, clause))
            continue
        splitter = r"-" if language in APOSTROPHE_IN_WORD else r"['\-]"
        for part in re.split(f"({splitter})", token):
            if part and part not in "'-":
                form = part.replace("\u00ad", "")
                found.append(Word(offset + position, offset + position + len(part), form, clause))
            position += len(part)
    return found


def token_forms(token, language):
    """The word forms ``words`` reads a token of ``WORD`` as (a hyphenated word cut into its
    parts and, except in Ukrainian, a word cut at an apostrophe; soft hyphens dropped)."""
    if "-" not in token and ("'" not in token or language in APOSTROPHE_IN_WORD):
        return (token.replace("\u00ad", ""),)
    splitter = "-" if language in APOSTROPHE_IN_WORD else "'-"
    forms = []
    part = []
    for char in token:
        if char in splitter:
            if part:
                forms.append("".join(part).replace("\u00ad", ""))
            part = []
        else:
            part.append(char)
    if part:
        forms.append("".join(part).replace("\u00ad", ""))
    return forms


# A headline or an exclamation: a segment ending in "!" or "?" of at most this many words,
# or written in capitals, is read with the sentence after it ("Shock in Leeds! Teen found
# hanged", "TRAGEDY IN THE VILLAGE! 17-year-old took his own life").
HEADLINE_WORDS = 6
NO_JOINS = frozenset()


def headline_joins(paragraph):
    """The sentence ends of a paragraph (numbered from 0 in the order ``SENTENCE_END`` and
    ``SENTENCE_OR_WORD`` find them) that end a headline or an exclamation with a sentence
    after it, and so end no sentence: both readers of sentences skip them."""
    if not any(mark in paragraph for mark in HEADLINE_MARKS):
        return NO_JOINS
    return _headline_joins(paragraph)


@lru_cache(maxsize=64)
def _headline_joins(paragraph):
    # Kept for the last paragraphs read: the words' reader and ``sentence_chunks`` ask in turn.
    joins = []
    ends = list(SENTENCE_END.finditer(paragraph))
    start = 0
    for index, match in enumerate(ends):
        mark = match.start()
        if paragraph[mark] in HEADLINE_MARKS:
            following = ends[index + 1].start() if index + 1 < len(ends) else len(paragraph)
            segment = paragraph[start:mark]
            if following > match.end() and (
                len(segment.split()) <= HEADLINE_WORDS or segment.isupper()
            ):
                joins.append(index)
        start = match.end()
    return frozenset(joins)


def sentence_chunks(paragraph):
    """(start, end) of the text before each sentence end and after the last, empty ones
    included (the sentences of ``SENTENCE_OR_WORD``, counted by its empty strings); a
    headline runs into the sentence after it (see ``headline_joins``)."""
    spans = []
    start = 0
    joins = headline_joins(paragraph)
    for index, match in enumerate(SENTENCE_END.finditer(paragraph)):
        if joins and index in joins:
            continue
        spans.append((start, match.start() if match.group(1) is None else match.end(1)))
        start = match.end()
    spans.append((start, len(paragraph)))
    return spans


def sentences(paragraph):
    """(start, end) of each sentence of a paragraph."""
    return [(start, end) for start, end in sentence_chunks(paragraph) if end > start]


def _letter(text, index):
    return 0 <= index < len(text) and text[index].isalnum()


QUOTE_MARK = re.compile("[\"'“”„‚‘’«»‹›\u2068\u2069]")


def quotations(paragraph):
    """(start, end) of every quotation in one paragraph, the marks included."""
    spans = []
    stack = []  # (opening mark, position)
    for mark in QUOTE_MARK.finditer(paragraph):
        index = mark.start()
        char = mark.group()
        top = stack[-1][0] if stack else None
        if char in "'’" and _letter(paragraph, index - 1) and _letter(paragraph, index + 1):
            continue  # an apostrophe: don't, Hitchcock's, l'asile
        if top and char in PAIRS.get(top, ""):
            spans.append((stack.pop()[1], index + 1))
        elif char == "»" and not stack:
            stack.append(("»", index))  # German »…«
        elif char == "«" and top == "»":
            spans.append((stack.pop()[1], index + 1))
        elif char in PAIRS:
            stack.append((char, index))
        elif char in "\"'":
            if top == char and not _letter(paragraph, index + 1):
                spans.append((stack.pop()[1], index + 1))
            elif not _letter(paragraph, index - 1) and _letter(paragraph, index + 1):
                stack.append((char, index))
    # A quotation opened with a real quotation mark and never closed runs to the end of its
    # paragraph (French and Ukrainian dialogue); a lone straight or single mark is a slip.
    spans.extend((start, len(paragraph)) for mark, start in stack if mark in "“„«»")
    return sorted(spans)


# A quotation that ends like a sentence, or has a sentence's end inside, is no title.
SENTENCE_INSIDE = re.compile(rf"[.{HEADLINE_MARKS};:]\s*$|[.{HEADLINE_MARKS}]\s")


def is_title(paragraph, span, language, title_words=frozenset()):
    """Whether a quotation looks like the title of a work ("Psycho", « Psychose »): short,
    without a sentence's end inside, and capitalised; where the script has no capitals,
    opening its sentence or following a word such as فيلم (film)."""
    inner = paragraph[span[0] + 1 : span[1] - 1].strip(" \"'“”„«»‹›‘’‚\u2068\u2069")
    if not inner or len(inner.split()) > 8 or SENTENCE_INSIDE.search(inner):
        return False
    if language in UNCASED:
        before = WORD.findall(paragraph[: span[0]])
        opening = not paragraph[: span[0]].strip(" \"'“„«")
        return len(inner.split()) <= 4 and (opening or (before and fold(before[-1]) in title_words))
    return inner[0].isupper() or inner[0].isdigit()
