"""Filled-in upload templates for tests: the template's own rows plus answer rows."""

from __future__ import annotations

import csv
import io

import openpyxl

TURKISH_ANSWERS = [
    "Camide gençler için düzenli toplantılar yapılmalı ve aileler bilgilendirilmeli.",
    "Mahalle derneğimiz için birkaç yıl süren kalıcı fon gerekiyor.",
    "Türkçe konuşan danışmanlar tedavi hizmetlerinde çalışmalı.",
    "Yerel gençlik kulüplerine daha çok destek verilmeli, akşamları açık kalmalı.",
    "Okullarda velilere crack kokain hakkında bilgi verilmeli.",
]
TURKISH_CHOICE = (
    "Londra'daki toplulukların crack kokaine karşı yürütülen çalışmalara katılmasını sağlamak"
)
TURKISH_INVOLVEMENT = "Yerel bir toplantıya katılmak; Yerel bir projede gönüllü olarak çalışmak"


def filled_xlsx(template: bytes, rows: list[list[object]]) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[0]
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def filled_csv(
    template: bytes, rows: list[list[str]], encoding: str = "utf-8-sig", delimiter: str = ","
) -> bytes:
    existing = list(csv.reader(io.StringIO(template.decode("utf-8-sig"))))
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(existing + rows)
    return text.getvalue().encode(encoding)


def turkish_rows(count: int) -> list[list[object]]:
    return [
        [f"{TURKISH_ANSWERS[n % 5]} (form {n + 1})", TURKISH_CHOICE, "", "", TURKISH_INVOLVEMENT]
        for n in range(count)
    ]
