"""Reading the ministry's list of agencies from a spreadsheet, and checking every row.

The file is opened and bounded by the shared `spreadsheets` package (the trainings import
reads its files the same way); here are the list's columns, its status words in Khmer and
English, and the check of each row: what the row would create or update, or why it cannot.
The write is `services.agencies_import_write`, all rows or none.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from geography.models import Province
from spreadsheets.cleaning import CellError, clean_text, is_blank, parse_date, split_list
from spreadsheets.columns import Column, map_headers
from spreadsheets.reading import BadFile, open_table

from .models import Agency, AgencyStatus, Country
from .normalising import licence_key, name_key

SHEET_NAMES = ("agencies", "ភ្នាក់ងារ")

STATUS_WORDS = {
    AgencyStatus.LICENSED: {
        "licensed",
        "licenced",
        "valid",
        "active",
        "មានអាជ្ញាប័ណ្ណ",
        "អាជ្ញាប័ណ្ណត្រឹមត្រូវ",
        "ត្រឹមត្រូវ",
        "សកម្ម",
    },
    AgencyStatus.SUSPENDED: {
        "suspended",
        "licencesuspended",
        "ព្យួរ",
        "ផ្អាក",
        "បានព្យួរ",
        "ព្យួរអាជ្ញាប័ណ្ណ",
    },
    AgencyStatus.REVOKED: {
        "revoked",
        "cancelled",
        "canceled",
        "licencerevoked",
        "ដកហូត",
        "បានដកហូត",
        "ដកហូតអាជ្ញាប័ណ្ណ",
        "លុបចោល",
    },
    AgencyStatus.NOT_LICENSED: {
        "notlicensed",
        "unlicensed",
        "unknown",
        "notlicensedorunknown",
        "គ្មានអាជ្ញាប័ណ្ណ",
        "មិនមានអាជ្ញាប័ណ្ណ",
        "មិនស្គាល់",
    },
}
STATUS_BY_WORD = {word: status for status, words in STATUS_WORDS.items() for word in words}


def parse_status(value) -> str | None:
    """A status as the ministry or an officer writes it, in Khmer or English."""
    text = clean_text(value)
    if not text:
        return None
    key = re.sub(r"[\s.\-_/'’]", "", text.casefold())
    status = STATUS_BY_WORD.get(key)
    if status is None:
        raise CellError(
            _(
                "“%(value)s” is not a status we know: write licensed, suspended, revoked or "
                "not licensed (មានអាជ្ញាប័ណ្ណ, ព្យួរ, ដកហូត or គ្មានអាជ្ញាប័ណ្ណ)."
            )
            % {"value": text}
        )
    return str(status)


def columns() -> list[Column]:
    """The list's columns; headers in Khmer or English (or both, as the template writes them)."""
    return [
        Column("licence_number", "លេខអាជ្ញាប័ណ្ណ", "Licence number", example="០១២/២៣"),
        Column("name_km", "ឈ្មោះជាភាសាខ្មែរ", "Name in Khmer"),
        Column("name_en", "ឈ្មោះជាភាសាអង់គ្លេស", "Name in English"),
        Column("status", "ស្ថានភាព", "Status", parse_status, required=True),
        Column("licence_issued_on", "ថ្ងៃចេញអាជ្ញាប័ណ្ណ", "Licence issued on", parse_date),
        Column("licence_expires_on", "ថ្ងៃផុតកំណត់អាជ្ញាប័ណ្ណ", "Licence expires on", parse_date),
        Column("destinations", "ប្រទេសគោលដៅ", "Destinations", split_list),
        Column("branches", "សាខាខេត្ត", "Provincial branches", split_list),
    ]


FIELDS = ["licence_number", "name_km", "name_en", "status", "licence_issued_on"]
FIELDS += ["licence_expires_on"]


@dataclass
class ListRow:
    """A row of the list, read, and what checking it found."""

    number: int
    values: dict
    errors: list = field(default_factory=list)  # [(column label, message)]
    agency: Agency | None = None  # the agency it updates, or None for a new one
    destinations: list = field(default_factory=list)
    branches: list = field(default_factory=list)
    outcome: str = ""  # created, updated or unchanged

    def fail(self, column: str, message) -> None:
        self.errors.append((column, str(message)))


@dataclass
class ListCheck:
    """The check of a whole file: each row, and the counts the officer reads."""

    rows: list[ListRow]

    @property
    def errors(self) -> list[dict]:
        return [
            {"row": row.number, "column": column, "message": message}
            for row in self.rows
            for column, message in row.errors
        ]

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if not row.errors and row.outcome == outcome)

    @property
    def count_created(self) -> int:
        return self.count("created")

    @property
    def count_updated(self) -> int:
        return self.count("updated")

    @property
    def count_unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not any(row.errors for row in self.rows)


class PlaceNames:
    """Countries and provinces by code or name, read once per file."""

    def __init__(self):
        self.countries = {}
        for country in Country.objects.all():
            for text in (country.code, country.name_km, country.name_en):
                self.countries[name_key(text)] = country
        self.provinces = {}
        for province in Province.objects.all():
            for text in (province.code, province.name_km, province.name_en):
                self.provinces[name_key(text)] = province
            # "Phnom Penh Capital", "ខេត្តសៀមរាប": the words before and after the name.
            self.provinces[name_key(province.name_en.replace("Capital", ""))] = province
            self.provinces[name_key("ខេត្ត" + province.name_km)] = province

    def country(self, text: str) -> Country | None:
        return self.countries.get(name_key(text))

    def province(self, text: str) -> Province | None:
        key = name_key(text)
        if key.startswith("ខេត្ត") or key.startswith("រាជធានី"):
            key = key.removeprefix("ខេត្ត").removeprefix("រាជធានី")
        return self.provinces.get(key) or self.provinces.get(key.removesuffix("province"))


def read_rows(path: Path) -> list[ListRow]:
    """The file's rows, each cell read; raises BadFile for a file that cannot be read at all."""
    table = open_table(path, sheet_names=SHEET_NAMES)
    try:
        list_columns = columns()
        mapping = map_headers(table.headers, list_columns)
        rows = []
        for number, values in table.rows:
            if all(is_blank(value) for value in values):
                continue
            row = ListRow(number=number, values={})
            for index, column in mapping.items():
                raw = values[index] if index < len(values) else None
                try:
                    value = column.widget.clean(raw)
                except CellError as error:
                    row.fail(column.label, error.message)
                    continue
                if column.required and value in (None, "", []):
                    row.fail(column.label, _("This column must be filled in."))
                    continue
                row.values[column.key] = value
            rows.append(row)
    finally:
        table.close()
    if not rows:
        raise BadFile(_("The file has a header row but no data rows."))
    return rows


def list_check(path: Path) -> ListCheck:
    """Every row of the file checked against the register as it is now; nothing is written."""
    rows = read_rows(path)
    labels = {column.key: column.label for column in columns()}
    places = PlaceNames()
    existing = {agency.licence_key: agency for agency in Agency.objects.exclude(licence_key="")}
    unnumbered = {agency.search_key: agency for agency in Agency.objects.filter(licence_key="")}
    seen_numbers: dict[str, int] = {}
    for row in rows:
        _check_row(row, labels, places, existing, unnumbered, seen_numbers)
    return ListCheck(rows=rows)


def _check_row(row, labels, places, existing, unnumbered, seen_numbers) -> None:
    values = row.values
    number = licence_key(values.get("licence_number", ""))
    if number:
        if number in seen_numbers:
            row.fail(
                labels["licence_number"],
                _("The licence number is also on row %(row)s.") % {"row": seen_numbers[number]},
            )
        seen_numbers[number] = row.number
    if not values.get("name_km") and not values.get("name_en"):
        row.fail(labels["name_km"], _("Give the agency's name in Khmer or in English."))
    for text in values.get("destinations", []):
        country = places.country(text)
        if country is None:
            row.fail(
                labels["destinations"],
                _("“%(value)s” is not a destination country we know.") % {"value": text},
            )
        else:
            row.destinations.append(country)
    for text in values.get("branches", []):
        province = places.province(text)
        if province is None:
            row.fail(labels["branches"], _("“%(value)s” is not a province.") % {"value": text})
        else:
            row.branches.append(province)
    if row.errors:
        return
    candidate = Agency(**{key: values.get(key) or blank_value(key) for key in FIELDS})
    candidate.set_keys()
    row.agency = existing.get(number) if number else unnumbered.get(candidate.search_key)
    if row.agency is not None:
        candidate.pk = row.agency.pk
        candidate._state.adding = False  # the row updates this agency, it does not add one
    try:
        candidate.full_clean(
            exclude=["source", "source_date", "is_sample", "licence_key", "search_key"]
        )
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            for message in messages:
                row.fail(labels.get(field_name, ""), message)
        return
    if row.agency is None:
        row.outcome = "created"
    elif agency_differs(row.agency, values, row.destinations, row.branches):
        row.outcome = "updated"
    else:
        row.outcome = "unchanged"


def blank_value(key: str):
    return None if key.endswith("_on") else ""


def agency_differs(agency: Agency, values: dict, destinations: list, branches: list) -> bool:
    """Whether the row says something other than the register does."""
    for key in FIELDS:
        if (getattr(agency, key) or blank_value(key)) != (values.get(key) or blank_value(key)):
            return True
    return {country.pk for country in destinations} != set(
        agency.destinations.values_list("pk", flat=True)
    ) or {province.pk for province in branches} != set(
        agency.branch_provinces.values_list("pk", flat=True)
    )
