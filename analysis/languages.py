"""spaCy blank pipelines for the eleven languages, Punjabi (Gurmukhi) included.

spaCy has no Punjabi class, so the project gives it one. Vietnamese uses spaCy's rule-based
tokenizer instead of pyvi (not installed, and not needed: lexicon phrases span syllables).
Every pipeline folds token norms (case, Latin and Greek accents, Turkish dotless i) so
answers typed without diacritics match the same phrases.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, LANG, LIKE_NUM, LOWER, NORM
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.language import BaseDefaults, Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

GURMUKHI_DIGITS = "੦੧੨੩੪੫੬੭੮੯"
GURMUKHI_PUNCTUATION = ["।", "॥"]


def _punjabi_like_num(text: str) -> bool:
    text = text.replace(",", "").replace(".", "")
    return bool(text) and all(char.isdigit() or char in GURMUKHI_DIGITS for char in text)


class PunjabiDefaults(BaseDefaults):
    suffixes = [*TOKENIZER_SUFFIXES, *GURMUKHI_PUNCTUATION]  # noqa: RUF012 - spaCy's API
    lex_attr_getters = {LIKE_NUM: _punjabi_like_num}  # noqa: RUF012 - spaCy's API


@registry.languages("pa")
class Punjabi(Language):  # type: ignore[no-untyped-call]  # spaCy's class hook is untyped
    """Punjabi in Gurmukhi script: whitespace words, danda (।) split off as punctuation."""

    lang = "pa"
    Defaults = PunjabiDefaults


# Project language code -> spaCy language code.
SPACY_CODES: dict[str, str] = {
    "en": "en",
    "zh-Hant": "zh",
    "vi": "vi",
    "el": "el",
    "tr": "tr",
    "pa": "pa",
    "hi": "hi",
    "bn": "bn",
    "ur": "ur",
    "ar": "ar",
    "gu": "gu",
}

# Marks stripped when folding: only on Latin and Greek letters, where they are accents.
# In Indic and Arabic scripts combining marks are vowels and must stay.
_TURKISH = str.maketrans({"ı": "i", "İ": "i", "đ": "d", "Đ": "d"})
_COMBINING_DOT_ABOVE = "\u0307"


def _accented_script(char: str) -> bool:
    """Latin or Greek, by code point: cheaper than asking unicodedata for the name."""
    point = ord(char)
    return (
        point < 0x0250
        or 0x1E00 <= point <= 0x1EFF
        or 0x0370 <= point <= 0x03FF
        or 0x1F00 <= point <= 0x1FFF
    )


@cache
def fold(text: str) -> str:
    """Lower case without Latin/Greek accents: `Γειτονιά` and `γειτονια` fold alike."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.translate(_TURKISH).casefold())
    kept = []
    accented_base = False
    for char in decomposed:
        if unicodedata.combining(char):
            if accented_base or char == _COMBINING_DOT_ABOVE:
                continue
        else:
            accented_base = _accented_script(char)
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


LEXEME_ATTRIBUTES_USED = frozenset({NORM, LOWER, LANG, IS_SPACE, IS_PUNCT, LIKE_NUM})


def _rule_tokenizer(nlp: Language) -> Tokenizer:
    return Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
        suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
        infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer,
    )


def blank_pipeline(language: str) -> Language:
    """A blank spaCy pipeline for a project language code, with folded norms."""
    code = SPACY_CODES[language]
    if code == "vi":
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.tokenizer = _rule_tokenizer(nlp)
    else:
        nlp = spacy.blank(code)
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # untyped in stubs
    getters[NORM] = fold
    # Every new word computes every getter once; the pipeline reads only these, and the
    # rest (word shape, URL and e-mail patterns, stop lists...) cost a third of tagging time.
    for attribute in set(getters) - LEXEME_ATTRIBUTES_USED:
        del getters[attribute]
    return nlp
