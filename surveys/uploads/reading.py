"""Turn an uploaded file into rows of text cells, refusing anything unsafe before parsing it.

Nothing here knows about questions: it checks the file as a file (size, kind, encoding,
row count, zip bombs) and hands back a grid of strings. `checks` judges the contents.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from consult.i18n import N_
from surveys.uploads.template import FIRST_ANSWER_ROW, TEMPLATE_MARK, SpreadsheetFormat

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_ANSWER_ROWS = 10_000
MAX_ROWS = MAX_ANSWER_ROWS + FIRST_ANSWER_ROW - 1
MAX_COLUMNS = 100
# An XLSX is a zip: refuse one that would inflate past these, whatever its headers claim.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_ENTRIES = 200
READ_CHUNK = 1024 * 1024

# The code pages Excel still writes when it saves "CSV" on Windows, by language.
WINDOWS_CODE_PAGES = {"el": "cp1253", "tr": "cp1254", "ar": "cp1256", "ur": "cp1256"}

EMPTY_FILE = N_("The file is empty. Choose the filled-in template and upload it again.")
FILE_TOO_LARGE = N_("The file is larger than 8 MB. Split it into smaller files.")
NOT_A_SPREADSHEET = N_(
    "The file is not a CSV or XLSX spreadsheet. Save it as CSV UTF-8 or as an Excel workbook."
)
BAD_ENCODING = N_(
    "The file’s characters could not be read. Save it as “CSV UTF-8” (or as an Excel workbook) "
    "and upload it again."
)
TOO_MANY_ROWS = N_("The file has more than %(count)s rows of answers. Split it into smaller files.")
TOO_MANY_COLUMNS = N_("The file has more than %(count)s columns. Use the template’s columns.")
UNSAFE_WORKBOOK = N_(
    "The workbook is damaged or would unpack to an unsafe size. Save it again from your "
    "spreadsheet program, or save it as CSV UTF-8."
)


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; `message` says why (a gettext msgid)."""

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(message)
        self.message = message
        self.values = values


@dataclass(frozen=True)
class Grid:
    """The file's cells as text, row by row (row 1 first), and how it was read."""

    rows: list[list[str]]
    kind: SpreadsheetFormat
    encoding: str


def file_kind(data: bytes) -> SpreadsheetFormat:
    return SpreadsheetFormat.XLSX if data.startswith(b"PK\x03\x04") else SpreadsheetFormat.CSV


def read_grid(data: bytes) -> Grid:
    if not data.strip():
        raise UnreadableFile(EMPTY_FILE)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(FILE_TOO_LARGE)
    if file_kind(data) is SpreadsheetFormat.XLSX:
        return Grid(_read_xlsx(data), SpreadsheetFormat.XLSX, "xlsx")
    text, encoding = decode_csv(data)
    return Grid(_read_csv(text), SpreadsheetFormat.CSV, encoding)


# CSV --------------------------------------------------------------------------------------


def _template_language(data: bytes) -> str:
    """The language code in row 1 (ASCII in every code page), to choose its code page."""
    first_line = data.split(b"\n", 1)[0].decode("latin-1")
    for separator in (",", ";", "\t"):
        cells = [cell.strip().strip('"') for cell in first_line.split(separator)]
        if len(cells) >= 3:
            return cells[2]
    return ""


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with.

    UTF-8 (with or without a byte order mark) and UTF-16 with its mark are read as such;
    other bytes are read with the Windows code page of the template's language, if it has
    one. Anything else, or bytes invalid in that encoding, is refused.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        code_page = WINDOWS_CODE_PAGES.get(_template_language(data))
        if code_page:
            candidates.append(code_page)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, encoding
    raise UnreadableFile(BAD_ENCODING)


def _read_csv(text: str) -> list[list[str]]:
    # The template's first cell says which separator this program saved with: the
    # character right after it (Excel writes ";" in much of Europe, tabs as "Unicode text").
    first_cell = text.lstrip('"')
    separator = first_cell[len(TEMPLATE_MARK) : len(TEMPLATE_MARK) + 2].lstrip('"')[:1]
    dialect: Any = csv.excel
    if first_cell.startswith(TEMPLATE_MARK) and separator in (",", ";", "\t"):
        dialect = _Separated(separator)
    try:
        return _without_trailing_blanks(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise UnreadableFile(NOT_A_SPREADSHEET) from error


class _Separated(csv.excel):
    def __init__(self, separator: str) -> None:
        super().__init__()
        self.delimiter = separator


def _without_trailing_blanks(rows: Iterable[list[str]]) -> list[list[str]]:
    """The rows up to the last one with anything in it, within the row and column limits.

    Blank rows at the end are what spreadsheet programs leave behind, not answers.
    """
    kept: list[list[str]] = []
    blanks = 0
    for row in rows:
        cells = list(row)
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            blanks += 1
            continue
        kept.extend([] for _ in range(blanks))
        blanks = 0
        kept.append(cells)
        if len(kept) > MAX_ROWS:
            raise UnreadableFile(TOO_MANY_ROWS, count=MAX_ANSWER_ROWS)
        if len(cells) > MAX_COLUMNS:
            raise UnreadableFile(TOO_MANY_COLUMNS, count=MAX_COLUMNS)
    return kept


# XLSX -------------------------------------------------------------------------------------


def check_zip(data: bytes) -> None:
    """Refuse a zip that is not what a spreadsheet program writes, or that inflates too far.

    Sizes in the zip's headers can lie, so every member is inflated here, counting the
    bytes, and abandoned as soon as the total passes the limit.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if len(members) > MAX_ZIP_ENTRIES or "[Content_Types].xml" not in archive.namelist():
            raise UnreadableFile(UNSAFE_WORKBOOK)
        total = 0
        for member in members:
            if member.filename.startswith(("/", "\\")) or ".." in member.filename:
                raise UnreadableFile(UNSAFE_WORKBOOK)
            member_total = 0
            with archive.open(member) as stream:
                while chunk := stream.read(READ_CHUNK):
                    member_total += len(chunk)
                    total += len(chunk)
                    if total > MAX_UNZIPPED_BYTES:
                        raise UnreadableFile(UNSAFE_WORKBOOK)
                    if member_total > MAX_COMPRESSION_RATIO * max(member.compress_size, 1024):
                        raise UnreadableFile(UNSAFE_WORKBOOK)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise UnreadableFile(UNSAFE_WORKBOOK) from error


def cell_text(value: object) -> str:
    """A cell as the text a person typed: whole numbers without ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, ArrayFormula | DataTableFormula):
        return "=" + str(getattr(value, "text", "") or "").lstrip("=")
    return str(value)


def _read_xlsx(data: bytes) -> list[list[str]]:
    check_zip(data)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(UNSAFE_WORKBOOK) from error
    try:
        sheet = workbook.worksheets[0]
        return _without_trailing_blanks(
            [cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)
        )
    except UnreadableFile:
        raise
    except Exception as error:
        raise UnreadableFile(UNSAFE_WORKBOOK) from error
    finally:
        workbook.close()
