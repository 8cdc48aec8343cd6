"""Which language an answer is written in, whatever form it was typed on.

Scripts decide most cases outright (Gurmukhi is Punjabi, Gujarati script is Gujarati, and
so on); lingua decides within a script (Urdu or Arabic, English, Vietnamese or Turkish).
Latin-script text on a Hindi, Urdu or Punjabi form is taken as romanised in that language.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

# The first word of a letter's Unicode name -> the language that script means here.
SCRIPT_LANGUAGES: dict[str, str] = {
    "GURMUKHI": "pa",
    "GUJARATI": "gu",
    "BENGALI": "bn",
    "DEVANAGARI": "hi",
    "GREEK": "el",
    "CJK": "zh-Hant",
}
ROMANISED_ON_FORM = frozenset({"hi", "ur", "pa"})
LINGUA_CODES: dict[LinguaLanguage, str] = {
    LinguaLanguage.ENGLISH: "en",
    LinguaLanguage.VIETNAMESE: "vi",
    LinguaLanguage.TURKISH: "tr",
    LinguaLanguage.URDU: "ur",
    LinguaLanguage.ARABIC: "ar",
}


@cache
def _detector(*languages: LinguaLanguage) -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first in ("ARABIC", "LATIN") or first in SCRIPT_LANGUAGES:
        return first
    return "OTHER"


def detect_language(text: str, form_language: str | None = None) -> str:
    """The project language code of `text`; `form_language` breaks ties and marks romanisation."""
    scripts = Counter(_script(char) for char in text if char.isalpha())
    scripts.pop("OTHER", None)
    if not scripts:
        return form_language or "en"
    # English words inside a Hindi answer should not make it English: any other script
    # with a fair share of the letters wins over Latin.
    non_latin = [(count, script) for script, count in scripts.items() if script != "LATIN"]
    if non_latin and max(non_latin)[0] >= 0.25 * sum(scripts.values()):
        script = max(non_latin)[1]
    else:
        script = "LATIN"
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    if script == "ARABIC":
        if form_language in ("ur", "ar"):
            return form_language
        found = _detector(LinguaLanguage.URDU, LinguaLanguage.ARABIC).detect_language_of(text)
        return LINGUA_CODES.get(found, "ur") if found else "ur"
    if form_language in ROMANISED_ON_FORM:
        return form_language
    found = _detector(
        LinguaLanguage.ENGLISH, LinguaLanguage.VIETNAMESE, LinguaLanguage.TURKISH
    ).detect_language_of(text)
    return LINGUA_CODES.get(found, "en") if found else (form_language or "en")
