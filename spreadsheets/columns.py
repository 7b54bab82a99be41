"""The columns of an import: bilingual headers, how each cell is read, header matching.

A column is a django-import-export `Field` whose widget reads a cell with one of the
forgiving functions of `cleaning`; it carries its Khmer and English headers, whether it must
be filled in and the drop-down list a template offers. `map_headers` finds the columns in a
file's header row, whatever the language or spacing of the headers.
"""

from collections.abc import Callable
from typing import Any, TypeAlias

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.fields import Field

from . import cleaning
from .limits import BadFile

#: How a cell is read: one of the `cleaning` functions, from the raw value to the Python one.
Parse: TypeAlias = Callable[[Any], Any]


class ForgivingWidget(widgets.Widget):
    """A widget that reads a cell with one of the `cleaning` functions."""

    def __init__(self, parse: Parse = cleaning.clean_text, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.parse = parse

    def clean(self, value: Any, row: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.parse(value)


class Column(Field):
    """A column of an import: its headers in both languages and how its cells are read."""

    def __init__(
        self,
        key: str,
        label_km: str,
        label_en: str,
        parse: Parse = cleaning.clean_text,
        *,
        required: bool = False,
        choices: str = "",
        example: object = "",
        width: int = 18,
    ) -> None:
        super().__init__(attribute=key, column_name=key, widget=ForgivingWidget(parse))
        self.key = key
        self.label_km = label_km
        self.label_en = label_en
        self.required = required
        self.choices = choices
        self.example = example
        self.width = width

    @property
    def header(self) -> str:
        """The header the template writes: Khmer, then English."""
        return f"{self.label_km} / {self.label_en}"

    @property
    def label(self) -> str:
        """The header in the officer's language, for messages."""
        return self.label_en if get_language() == "en" else self.label_km

    def header_keys(self) -> set[str]:
        """The forms of a header that name this column."""
        return {
            header_key(text)
            for text in (self.key, self.label_km, self.label_en, self.header, f"{self.label_en}*")
        }


def header_key(text: object) -> str:
    key = cleaning.name_key(str(text or "").replace("_", " ").replace("*", ""))
    return key.replace("/", "").replace("(", "").replace(")", "")


def map_headers(headers: list[Any], columns: list[Column]) -> dict[int, Column]:
    """Which column of the file is which column of the import; raises BadFile if one is missing."""
    by_key: dict[str, Column] = {}
    for column in columns:
        for key in column.header_keys():
            by_key.setdefault(key, column)
    mapping: dict[int, Column] = {}
    found: set[str] = set()
    for index, header in enumerate(headers):
        header_column = by_key.get(header_key(header))
        if header_column is not None and header_column.key not in found:
            mapping[index] = header_column
            found.add(header_column.key)
    missing = [column for column in columns if column.required and column.key not in found]
    if missing:
        names = ", ".join(f"“{column.header}”" for column in missing)
        raise BadFile(
            _(
                "The file has no column %(names)s. Check the sheet and the header row, "
                "or start from the template."
            )
            % {"names": names}
        )
    return mapping
