"""Reading movements from a spreadsheet, and checking every row, for an officer's import.

The columns are the register export's (`file_columns.MOVEMENT_FILE_COLUMNS`), headed in Khmer or
English as the export heads them, so an exported file imports again. The file is opened
and bounded by the shared `spreadsheets` package, as the agencies' list is. Names and
phones are never imported: a file with such a column is refused whole (docs/decisions.md).
The write is `services.movements_import_write`, all rows or none.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Field
from django.utils import translation
from django.utils.translation import gettext as _

from agencies.importing import PlaceNames
from agencies.models import Agency
from agencies.normalising import licence_key, name_key
from geography.models import Commune, Village
from spreadsheets.cleaning import (
    CellError,
    clean_text,
    is_blank,
    not_in_list,
    parse_bool,
    parse_date,
    parse_int,
)
from spreadsheets.columns import Column, Parse, header_key, map_headers
from spreadsheets.reading import BadFile, open_table
from spreadsheets.writers import looks_like_formula

from .choices import MovementKind
from .file_columns import MOVEMENT_FILE_COLUMNS
from .models import Movement
from .scoping import communes_for_user

SHEET_NAMES = ("Sheet1", "movements", "ចលនា")
#: The export's columns, in its order; read as text, then checked against the register.
KEYS = list(MOVEMENT_FILE_COLUMNS)
REQUIRED = {"kind", "date", "commune", "village", "sex", "age_band", "sector", "channel"}
#: Columns refused whole: names and phones are kept only with consent taken on the phone.
PERSONAL = ["name", "phone", "contact_consent", "consent_recorded_on"]


def _model_field(key: str) -> Field:
    model_field = Movement._meta.get_field(key)
    assert isinstance(model_field, Field)  # a column of the movement itself
    return model_field


def _labels(key: str) -> tuple[str, str]:
    verbose_name = _model_field(key).verbose_name
    with translation.override("km"):
        label_km = str(verbose_name)
    with translation.override("en"):
        label_en = str(verbose_name)
    return label_km, label_en


def parse_code(value: object) -> str:
    """A person's code; the quote the export's escaping put before a formula sign taken off."""
    text = clean_text(value)
    if text.startswith("'") and looks_like_formula(text[1:]):
        return text[1:]
    return text


def _parse(key: str) -> Parse:
    if key == "person_code":
        return parse_code
    if key == "date":
        return parse_date
    if key in ("age", "fees_paid", "debt_taken"):
        return lambda value: parse_int(value, low=0, high=100_000_000 if key != "age" else 120)
    if key in ("help_wanted", "is_sample"):
        return parse_bool
    return clean_text


def columns() -> list[Column]:
    return [Column(key, *_labels(key), _parse(key), required=key in REQUIRED) for key in KEYS]


def personal_columns() -> list[Column]:
    return [Column(key, *_labels(key)) for key in PERSONAL]


def parse_choice(key: str, text: str) -> str:
    """A choice by its stored value or its label in Khmer or English; refused otherwise."""
    choices = list(_model_field(key).flatchoices)
    keys = {}
    for value, label in choices:
        keys[name_key(value)] = value
        for language in ("km", "en"):
            with translation.override(language):
                keys[name_key(str(label))] = value
    found = keys.get(name_key(text))
    if found is None:
        raise not_in_list(text, [str(label) for __, label in choices])
    return found


@dataclass
class MovementRow:
    number: int
    values: dict
    errors: list = field(default_factory=list)  # [(column label, message)]
    movement: Movement | None = None
    departure_code: str = ""

    def fail(self, column: str, message: object) -> None:
        self.errors.append((column, str(message)))


@dataclass
class MovementCheck:
    rows: list[MovementRow]

    @property
    def errors(self) -> list[dict]:
        return [
            {"row": row.number, "column": column, "message": message}
            for row in self.rows
            for column, message in row.errors
        ]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not any(row.errors for row in self.rows)


def read_rows(path: Path) -> list[MovementRow]:
    """The file's rows, each cell read; raises BadFile for a file that cannot be read at all."""
    table = open_table(path, sheet_names=SHEET_NAMES)
    try:
        personal = {key for column in personal_columns() for key in column.header_keys()}
        if any(header_key(header) in personal for header in table.headers):
            raise BadFile(
                _(
                    "The file has a name, phone or consent column. Names and phones are "
                    "recorded only on the phone, with the person's consent: remove the "
                    "column and upload the file again."
                )
            )
        mapping = map_headers(table.headers, columns())
        rows = []
        for number, values in table.rows:
            if all(is_blank(value) for value in values):
                continue
            row = MovementRow(number=number, values={})
            for index, column in mapping.items():
                raw = values[index] if index < len(values) else None
                try:
                    value = column.widget.clean(raw)
                except CellError as error:
                    row.fail(column.label, error.message)
                    continue
                if column.required and value in (None, ""):
                    row.fail(column.label, _("This column must be filled in."))
                    continue
                row.values[column.key] = value
            rows.append(row)
    finally:
        table.close()
    if not rows:
        raise BadFile(_("The file has a header row but no data rows."))
    return rows


class RegisterNames:
    """The officer's communes, and agencies, by code or name, read once per file."""

    def __init__(self, user: User) -> None:
        self.places = PlaceNames()
        self.mine = set(communes_for_user(user).values_list("pk", flat=True))
        self.communes: dict[str, list[Commune]] = {}
        for commune in Commune.objects.select_related("district"):
            for text in {commune.code, commune.name_km, commune.name_en}:
                self.communes.setdefault(name_key(text), []).append(commune)
        self.villages: dict[tuple[int, str], Village] = {}
        self.communes_read: set[int] = set()
        self.agencies = {}
        for agency in Agency.objects.all():
            for text in (agency.name_km, agency.name_en):
                if text:
                    self.agencies[name_key(text)] = agency
            if agency.licence_key:
                self.agencies[agency.licence_key] = agency

    def village(self, commune: Commune, text: str) -> Village | None:
        """A village of the commune by code or name; each commune's villages read once."""
        if commune.pk not in self.communes_read:
            self.communes_read.add(commune.pk)
            for village in Village.objects.filter(commune=commune):
                for name in {village.code, village.name_km, village.name_en}:
                    self.villages.setdefault((commune.pk, name_key(name)), village)
        return self.villages.get((commune.pk, name_key(text)))

    def commune(self, text: str) -> Commune:
        found = self.communes.get(name_key(text), [])
        mine = [commune for commune in found if commune.pk in self.mine]
        if len(mine) == 1:
            return mine[0]
        if len(mine) > 1:
            raise CellError(
                _("Several of your communes are called “%(value)s”: write its code.")
                % {"value": text}
            )
        if found:
            raise CellError(_("“%(value)s” is not a commune of your provinces.") % {"value": text})
        raise CellError(_("“%(value)s” is not a commune we know.") % {"value": text})

    def agency(self, text: str) -> Agency | None:
        return self.agencies.get(name_key(text)) or self.agencies.get(licence_key(text))


CHOICE_KEYS = ["kind", "sex", "age_band", "sector", "channel", "currency", "has_passport"]
CHOICE_KEYS += ["passport_holder", "has_work_permit", "has_contract_they_read"]
CHOICE_KEYS += ["orientation_received", "return_reason"]


def movements_check(path: Path, user: User) -> MovementCheck:
    """Every row checked against the register and the officer's communes; nothing is written."""
    rows = read_rows(path)
    labels = {column.key: column.label for column in columns()}
    names = RegisterNames(user)
    taken = set(
        Movement.objects.filter(
            person_code__in=[row.values.get("person_code") for row in rows]
        ).values_list("person_code", flat=True)
    )
    seen: dict[str, int] = {}
    for row in rows:
        _check_row(row, labels, names, taken, seen)
    in_file = {
        row.movement.person_code: row.movement
        for row in rows
        if row.movement is not None and row.movement.kind == MovementKind.DEPARTURE
    }
    for row in rows:
        _check_departure(row, labels, in_file, names.mine)
    return MovementCheck(rows=rows)


def _check_row(
    row: MovementRow, labels: dict, names: RegisterNames, taken: set, seen: dict
) -> None:
    values = dict(row.values)
    movement = Movement(
        **{
            key: values[key]
            for key in ("date", "age", "fees_paid", "debt_taken", "help_wanted", "is_sample")
            if values.get(key) is not None
        }
    )
    code = values.get("person_code", "")
    if code:
        if code in taken:
            row.fail(
                labels["person_code"], _("%(code)s is already in the register.") % {"code": code}
            )
        elif code in seen:
            row.fail(
                labels["person_code"], _("The code is also on row %(row)s.") % {"row": seen[code]}
            )
        seen[code] = row.number
        movement.person_code = code
    for key in CHOICE_KEYS:
        if values.get(key):
            try:
                setattr(movement, key, parse_choice(key, values[key]))
            except CellError as error:
                row.fail(labels[key], error.message)
    if values.get("commune"):
        try:
            movement.commune = names.commune(values["commune"])
        except CellError as error:
            row.fail(labels["commune"], error.message)
        else:
            village = names.village(movement.commune, values.get("village", ""))
            if village is None:
                row.fail(
                    labels["village"],
                    _("“%(value)s” is not a village of %(commune)s.")
                    % {"value": values.get("village", ""), "commune": movement.commune},
                )
            else:
                movement.village = village
    for key, find in (
        ("destination_country", names.places.country),
        ("destination_province", names.places.province),
        ("agency", names.agency),
    ):
        if values.get(key):
            found = find(values[key])
            if found is None:
                row.fail(
                    labels[key], _("“%(value)s” is not in the register.") % {"value": values[key]}
                )
            else:
                setattr(movement, key, found)
    row.departure_code = (values.get("departure") or "").split(" ")[-1]
    if row.errors:
        return
    try:
        movement.full_clean(exclude=["departure"])
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            for message in messages:
                row.fail(labels.get(field_name, ""), message)
        return
    row.movement = movement


def _check_departure(row: MovementRow, labels: dict, in_file: dict, mine: set) -> None:
    """A return's departure: a departure of the file, or one in the officer's communes."""
    if not row.departure_code or row.movement is None:
        return
    departure = (
        in_file.get(row.departure_code)
        or Movement.objects.filter(
            person_code=row.departure_code, kind=MovementKind.DEPARTURE, commune__in=mine
        ).first()
    )
    if departure is None:
        row.fail(
            labels["departure"],
            _("No departure %(code)s in your communes.") % {"code": row.departure_code},
        )
    elif row.movement.kind != MovementKind.RETURN:
        row.fail(labels["departure"], _("Only a return is linked to a departure."))
    elif departure.commune_id != row.movement.commune_id:
        row.fail(labels["departure"], _("The departure is in another commune."))
    else:
        row.movement.departure = departure
