"""Checking an XLSX file against the import limits before openpyxl reads any of it.

openpyxl reads the shared strings whole into memory, parses every sheet to its end when
it declares no size, pads each row to the declared width and keeps an element per row
it has read. A small zip can hide any amount of that work, so this module first reads
the zip's directory (sizes and compression ratios), then streams every XML part once
through a parser that keeps no element, counting rows, columns, cells and shared strings, and
stops at the first limit passed. Python's zipfile never reads a part past the size its
directory declares (a part that would goes on to fail its CRC), so the declared sizes
can be trusted.
"""

import re
import zipfile
from collections.abc import Callable
from typing import IO, TypeAlias
from xml.etree.ElementTree import ParseError, XMLParser

from django.utils.translation import gettext_lazy as _

from .limits import (
    NOT_A_SPREADSHEET,
    BadFile,
    ImportLimits,
    too_large_unpacked,
    too_many_cells,
    too_many_columns,
    too_many_rows,
)

# Parts under this size are never refused for their ratio: a few kilobytes cannot hurt.
RATIO_CHECKED_FROM = 1024 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")
CELL_REFERENCE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
CHUNK_BYTES = 64 * 1024
DIGITS = "0123456789$"
# Python's csv module refuses longer fields too; Excel's own limit for a cell is 32,767.
TEXT_CHARACTERS = 131_072
# An element of a worksheet beyond its cells and rows (a value, a formula, a run of text):
# a cell holds a handful, so the elements of all parts stay within a few per cell.
ELEMENTS_PER_CELL = 4

#: What is done at the start of an element, given its attributes.
StartHandler: TypeAlias = Callable[[dict[str, str]], None]


def check_package(archive: zipfile.ZipFile, limits: ImportLimits) -> None:
    """Refuse the workbook if unpacking or reading it would pass a limit."""
    parts = archive.infolist()
    check_sizes(parts, limits)
    counter = PartCounter(limits)
    for part in parts:
        if part.filename.lower().endswith(XML_SUFFIXES):
            with archive.open(part) as source:
                counter.read(source)


def check_sizes(parts: list[zipfile.ZipInfo], limits: ImportLimits) -> None:
    """The sizes the zip's directory declares: of each part, of all of them, and their ratio."""
    total = 0
    for part in parts:
        total += part.file_size
        if total > limits.unpacked_bytes:
            raise too_large_unpacked(limits.unpacked_bytes)
        if not is_worksheet(part.filename) and part.file_size > limits.part_bytes:
            raise too_large_unpacked(limits.part_bytes)
        if part.file_size > RATIO_CHECKED_FROM and part.file_size > limits.compression_ratio * max(
            part.compress_size, 1
        ):
            raise BadFile(
                _(
                    "The file is packed far more tightly than a spreadsheet can be (a part "
                    "grows %(ratio)s times when unpacked). Save it again from your spreadsheet "
                    "program, or as .csv, and upload it again."
                )
                % {"ratio": part.file_size // max(part.compress_size, 1)}
            )


def is_worksheet(name: str) -> bool:
    return name.lower().startswith("xl/worksheets/")


def column_number(letters: str) -> int:
    """The number of a column from its letters: A is 1, Z 26, AA 27, XFD 16,384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


class PartCounter:
    """Counts, across the parts of one workbook, what openpyxl would hold or go through.

    It is the target of an XML parser: it sees each element's start and end and each run
    of text, and keeps none of them, so its memory does not grow with the part.
    """

    def __init__(self, limits: ImportLimits) -> None:
        self.limits = limits
        self.cells = 0
        self.shared_strings = 0
        self.elements = 0
        self.max_elements = limits.cells * ELEMENTS_PER_CELL
        self.rows = self.cells_in_row = self.text = 0
        # By tag as the parser gives it (with its namespace); None for tags not counted.
        self.handlers: dict[str, StartHandler | None] = {}

    def read(self, source: IO[bytes]) -> None:
        """Stream one XML part through the parser, a chunk at a time."""
        # The C parser: defusedxml's runs in Python, at twice the time. A DTD is refused
        # (`doctype`), expat 2.4+ stops entity expansion bombs itself, and ElementTree
        # never fetches external entities.
        parser = XMLParser(target=self)  # noqa: S314 safe with expat 2.4+, see above
        self.rows = self.cells_in_row = self.text = 0
        try:
            for chunk in iter(lambda: source.read(CHUNK_BYTES), b""):
                parser.feed(chunk)
            parser.close()
        except (ParseError, zipfile.BadZipFile, OSError, EOFError):
            raise BadFile(NOT_A_SPREADSHEET) from None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.text = 0
        self.elements += 1
        if self.elements > self.max_elements:
            raise too_many_cells(self.limits.cells)
        # One dictionary look-up per element: this runs for every cell of the file.
        try:
            handler = self.handlers[tag]
        except KeyError:
            handler = self.handlers[tag] = self.handler_for(local_name(tag))
        if handler is not None:
            handler(attributes)

    def handler_for(self, name: str) -> StartHandler | None:
        handlers: dict[str, StartHandler] = {
            "row": self.start_row,
            "c": self.start_cell,
            "dimension": self.start_dimension,
            "si": self.start_shared_string,
        }
        return handlers.get(name)

    def end(self, tag: str) -> None:
        self.text = 0

    def data(self, text: str) -> None:
        # openpyxl later holds each run of text whole (the text of a cell): bound each run.
        self.text += len(text)
        if self.text > TEXT_CHARACTERS:
            raise BadFile(
                _(
                    "A cell of the file holds more than %(limit)s characters. "
                    "Shorten it, or save the file again from your spreadsheet program."
                )
                % {"limit": f"{TEXT_CHARACTERS:,}"}
            )

    def doctype(self, name: str, public_id: str | None, system_id: str | None) -> None:
        # No workbook part declares a DTD; a file that does wants its entities expanded.
        raise BadFile(NOT_A_SPREADSHEET)

    def close(self) -> None:
        return None

    def start_row(self, attributes: dict[str, str]) -> None:
        self.rows += 1
        self.cells_in_row = 0
        number = attributes.get("r", "")
        # One header row on top of the data rows allowed.
        if self.rows > self.limits.rows + 1 or (
            number.isdigit() and int(number) > self.limits.rows + 1
        ):
            raise too_many_rows(self.limits.rows)

    def start_cell(self, attributes: dict[str, str]) -> None:
        self.cells += 1
        self.cells_in_row += 1
        if self.cells > self.limits.cells:
            raise too_many_cells(self.limits.cells)
        if self.cells_in_row > self.limits.columns:
            raise too_many_columns(self.limits.columns)
        letters = attributes.get("r", "").rstrip(DIGITS)
        # Column Z is 26: a one-letter column is never worth the arithmetic.
        if len(letters) > 1 and column_number(letters.lstrip("$")) > self.limits.columns:
            raise too_many_columns(self.limits.columns)

    def start_shared_string(self, attributes: dict[str, str]) -> None:
        self.shared_strings += 1
        if self.shared_strings > self.limits.shared_strings:
            raise BadFile(
                _(
                    "The file holds more than %(limit)s different texts. "
                    "Split it into smaller files."
                )
                % {"limit": f"{self.limits.shared_strings:,}"}
            )

    def start_dimension(self, attributes: dict[str, str]) -> None:
        """The size a sheet declares: openpyxl pads every row to its width."""
        last = attributes.get("ref", "").rpartition(":")[2]
        match = CELL_REFERENCE.match(last)
        if not match:
            return
        if column_number(match[1]) > self.limits.columns:
            raise too_many_columns(self.limits.columns)
        if int(match[2]) > self.limits.rows + 1:
            raise too_many_rows(self.limits.rows)
