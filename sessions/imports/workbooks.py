"""The XLSX template of each import: bilingual headers, drop-down lists, instructions.

Written by the project's one spreadsheet writer, like every file we make, although these
hold only our own texts.
"""

from itertools import zip_longest

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from geography.models import Province
from sessions.models import AgeBand
from spreadsheets import XlsxSheet, XlsxWorkbook
from spreadsheets.cleaning import YES_NO_LIST
from spreadsheets.columns import Column

from .cleaning import AUDIENCE_LIST, SEX_LIST

INSTRUCTIONS_SHEET = "instructions"
LISTS_SHEET = "lists"
LAST_ROW = 100001  # room for 100,000 rows of data under the header
REQUIRED_FILL = PatternFill("solid", fgColor="FDE2B8")
OPTIONAL_FILL = PatternFill("solid", fgColor="E3ECF7")
DATE_COLUMNS = {"founded_on", "trained_on", "date"}


def drop_down_lists() -> dict[str, list[str]]:
    """The values each drop-down offers; every one of them is read back by the import."""
    return {
        "provinces": list(Province.objects.order_by("code").values_list("name_km", flat=True)),
        "sex": SEX_LIST,
        "age_bands": [band.value for band in AgeBand],
        "yes_no": YES_NO_LIST,
        "audience": AUDIENCE_LIST,
    }


INSTRUCTIONS = [
    (
        "បំពេញជួរដេកមួយក្នុងមួយជួរ ចាប់ពីជួរទី ២។ កុំប្តូរឈ្មោះក្បាលជួរឈរ។",
        "Fill in one row per line, from row 2. Do not rename the column headers.",
    ),
    (
        "ជួរឈរពណ៌ទឹកក្រូចត្រូវតែបំពេញ; ជួរឈរពណ៌ខៀវអាចទុកទទេបាន។",
        "Orange columns must be filled in; blue columns may be left blank.",
    ),
    (
        "កាលបរិច្ឆេទ៖ ថ្ងៃ/ខែ/ឆ្នាំ (31/12/2025) ឬ 2025-12-31; លេខខ្មែរក៏បាន។",
        "Dates: day/month/year (31/12/2025) or 2025-12-31; Khmer digits are fine.",
    ),
    (
        "ខេត្ត ស្រុក ឃុំ៖ លេខកូដ ឬឈ្មោះជាភាសាខ្មែរ ឬអង់គ្លេស។",
        "Province, district, commune: the code, or the name in Khmer or English.",
    ),
    (
        "ភេទ៖ ស្រី/ប្រុស ឬ F/M។ ក្រុមអាយុ៖ 10-14, 15-17, 18-24, 25+។",
        "Sex: ស្រី/ប្រុស or F/M. Age bands: 10-14, 15-17, 18-24, 25+.",
    ),
    (
        "នាំចូលឯកសារដដែលម្តងទៀត មិនបង្កើតទិន្នន័យស្ទួនទេ។",
        "Importing the same file again creates no duplicates.",
    ),
    (
        "គ្មានអ្វីត្រូវបានរក្សាទុករហូតដល់អ្នកបញ្ជាក់ ក្រោយពេលពិនិត្យ។",
        "Nothing is saved until you confirm, after the check.",
    ),
]


def template_workbook(kind) -> bytes:
    """An empty workbook for `kind`, ready to fill in."""
    workbook = XlsxWorkbook()
    columns: list[Column] = kind.resource.columns()
    lists = drop_down_lists()
    _data_sheet(workbook.add_sheet(kind.resource.sheet_name), columns, lists)
    _instructions_sheet(workbook.add_sheet(INSTRUCTIONS_SHEET), columns)
    _lists_sheet(workbook.add_sheet(LISTS_SHEET), lists)
    return workbook.to_bytes()


def _data_sheet(sheet: XlsxSheet, columns: list[Column], lists: dict[str, list[str]]) -> None:
    """The header row, drop-downs and date formats; the officer fills in the rows below."""
    worksheet = sheet.worksheet
    headers = []
    date_columns = []
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        headers.append(
            sheet.cell(
                column.header,
                font=Font(bold=True),
                alignment=Alignment(wrap_text=True, vertical="top"),
                fill=REQUIRED_FILL if column.required else OPTIONAL_FILL,
            )
        )
        worksheet.column_dimensions[letter].width = max(column.width, len(column.label_en) + 4)
        if column.key in DATE_COLUMNS or column.key.endswith("_on"):
            date_columns.append(index)
        if column.choices:
            names = list(lists)
            list_letter = get_column_letter(names.index(column.choices) + 1)
            size = len(lists[column.choices]) + 1
            validation = DataValidation(
                type="list",
                formula1=f"={LISTS_SHEET}!${list_letter}$2:${list_letter}${size}",
                allow_blank=True,
                showErrorMessage=False,  # a value typed by hand is still checked on import
            )
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            worksheet.data_validations.append(validation)
    worksheet.row_dimensions[1].height = 45
    worksheet.freeze_panes = "A2"
    sheet.append(headers)
    # Empty cells formatted as dates, so that a date typed in reads as one.
    for __ in range(2, 202):
        row = [None] * len(columns)
        for index in date_columns:
            row[index - 1] = sheet.cell(number_format="DD/MM/YYYY")
        sheet.append(row)


def _lists_sheet(sheet: XlsxSheet, lists: dict[str, list[str]]) -> None:
    for column in range(1, len(lists) + 1):
        sheet.worksheet.column_dimensions[get_column_letter(column)].width = 20
    sheet.append(list(lists), font=Font(bold=True))
    for row in zip_longest(*lists.values()):
        sheet.append(row)


def _instructions_sheet(sheet: XlsxSheet, columns: list[Column]) -> None:
    for letter, width in {"A": 40, "B": 40, "C": 14, "D": 24}.items():
        sheet.worksheet.column_dimensions[letter].width = width
    wrapped = Alignment(wrap_text=True, vertical="top")
    sheet.append(["ការណែនាំ", "Instructions"], font=Font(bold=True, size=14), alignment=wrapped)
    for khmer, english in INSTRUCTIONS:
        sheet.append([khmer, english], alignment=wrapped)
    sheet.append([])
    sheet.append(
        ["ជួរឈរ", "Column", "ត្រូវការ / Required", "ឧទាហរណ៍ / Example"],
        font=Font(bold=True),
        alignment=wrapped,
    )
    for column in columns:
        sheet.append(
            [
                column.label_km,
                column.label_en,
                "✔" if column.required else "",
                column.example if column.example not in (None, "") else "",
            ],
            alignment=wrapped,
        )
