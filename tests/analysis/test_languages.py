"""Each language gets its own spaCy pipeline, from blank classes the project completes."""

from __future__ import annotations

import pytest

from analysis.languages import SPACY_CODES, blank_pipeline, fold
from consult.i18n import LANGUAGE_CODES


def test_every_offered_language_has_a_pipeline() -> None:
    assert set(SPACY_CODES) == set(LANGUAGE_CODES)


def test_punjabi_has_its_own_language_class_that_splits_off_the_danda() -> None:
    nlp = blank_pipeline("pa")
    assert nlp.lang == "pa"
    tokens = [token.text for token in nlp("ਸਾਡੇ ਇਲਾਕੇ ਵਿੱਚ ਫੰਡ ਖਤਮ ਹੋ ਗਏ। ੧੨ ਮਹੀਨੇ")]
    assert tokens[-4:] == ["ਗਏ", "।", "੧੨", "ਮਹੀਨੇ"]
    assert nlp("੧੨")[0].like_num


def test_vietnamese_tokenises_without_pyvi() -> None:
    tokens = [t.text for t in blank_pipeline("vi")("Chúng tôi cần tài trợ, lâu dài.")]
    assert tokens == ["Chúng", "tôi", "cần", "tài", "trợ", ",", "lâu", "dài", "."]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("γειτονια", "Γειτονιά"),
        ("tai tro", "tài trợ"),
        ("isgucu", "İşgücü"),
        ("dong", "đồng"),
    ],
)
def test_accents_and_case_fold_alike(typed: str, written: str) -> None:
    assert fold(typed) == fold(written)


def test_indic_and_arabic_vowel_marks_are_not_folded_away() -> None:
    assert fold("मोहल्ले") == "मोहल्ले"
    assert fold("ਵਿੱਚ") == "ਵਿੱਚ"
    assert fold("مُحلّہ") == "مُحلّہ"
