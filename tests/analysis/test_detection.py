"""An answer goes to the pipeline of the language it is written in, not the form's."""

from __future__ import annotations

import pytest

from analysis.detection import detect_language


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("हमारे मोहल्ले में युवाओं के लिए कोई काम नहीं है", "en", "hi"),
        ("हमें local लोगों की ज़रूरत है, council के plans की नहीं", "en", "hi"),
        ("ہمارے محلے میں نوجوانوں کے لیے مستقل کارکن ہونا چاہیے", None, "ur"),
        ("نحتاج إلى تمويل طويل الأمد للمشاريع المحلية في حينا", None, "ar"),
        ("ਸਾਡੇ ਇਲਾਕੇ ਵਿੱਚ ਨੌਜਵਾਨਾਂ ਲਈ ਕੰਮ ਚਾਹੀਦਾ", "en", "pa"),
        ("আমাদের এলাকায় স্থায়ী তহবিল দরকার", "en", "bn"),
        ("અમારા વિસ્તારમાં લાંબા ગાળાનું ભંડોળ જોઈએ", "en", "gu"),
        ("Εδώ στο Haringey χρειαζόμαστε ανθρώπους από τη γειτονιά μας", "en", "el"),
        ("社區中心需要長期的資金，而唔係六個月", "en", "zh-Hant"),
        ("Chúng tôi cần nguồn tài trợ lâu dài cho các dự án cộng đồng", "en", "vi"),
        ("Mahallemizdeki gençler için kalıcı bir gençlik çalışanı lazım", "en", "tr"),
        ("Our estate needs a youth worker who stays for years", "ur", "ur"),
        ("hamare mohallay mein masjid aur police ko mil kar kaam karna chahiye", "ur", "ur"),
        ("Fund the youth club properly, not for six months", None, "en"),
    ],
)
def test_the_language_is_detected_from_the_text(text: str, form: str | None, expected: str) -> None:
    assert detect_language(text, form) == expected
