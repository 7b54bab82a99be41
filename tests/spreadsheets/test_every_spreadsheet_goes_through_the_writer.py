"""Every spreadsheet the product writes goes through `spreadsheets`, the one escaping writer.

Three checks, each failing on the way round it: no code of ours makes a workbook or a CSV
writer of its own; no export view of ours lacks the escaping mixin; and every Wagtail admin
URL that exports columns answers with a view that has it.
"""

import ast
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from spreadsheets.wagtail_exports import FormulaEscapingExportMixin

PROJECT = Path(__file__).resolve().parents[2]

#: Packages that are not the product: the tests, and benchmarks that make files to import.
NOT_PRODUCT = {"tests", "benchmarks"}

#: The one module allowed to make workbooks and CSV writers.
WRITER = PROJECT / "spreadsheets" / "writers.py"

#: What writes a spreadsheet: (module, name) as imported or reached as an attribute.
WRITING = {
    ("openpyxl", "Workbook"),
    ("openpyxl.workbook", "Workbook"),
    ("openpyxl.workbook.workbook", "Workbook"),
    ("openpyxl.cell", "WriteOnlyCell"),
    ("csv", "writer"),
    ("csv", "DictWriter"),
}
WRITING_LIBRARIES = ("xlsxwriter", "tablib", "xlwt", "pyexcel")


def product_packages() -> list[str]:
    """Every top-level package of ours, so that a new app is checked without a change here."""
    return sorted(
        init.parent.name
        for init in PROJECT.glob("*/__init__.py")
        if init.parent.name not in NOT_PRODUCT
    )


def product_files() -> list[Path]:
    files = [PROJECT / "manage.py"]
    for package in product_packages():
        files += (PROJECT / package).rglob("*.py")
    return files


def spreadsheet_writing(source: str) -> list[str]:
    """Where `source` makes a workbook or a CSV writer, as `line: what`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if (node.module, alias.name) in WRITING:
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
            if node.module.startswith(WRITING_LIBRARIES):
                found.append(f"{node.lineno}: from {node.module}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(WRITING_LIBRARIES):
                    found.append(f"{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.Attribute):
            owner = ast.unparse(node.value)
            if (owner, node.attr) in WRITING:
                found.append(f"{node.lineno}: {owner}.{node.attr}")
    return found


def test_the_check_finds_the_ways_code_writes_spreadsheets():
    assert spreadsheet_writing("from openpyxl import Workbook")
    assert spreadsheet_writing("import openpyxl\nopenpyxl.Workbook()")
    assert spreadsheet_writing("import csv\ncsv.writer(handle)")
    assert spreadsheet_writing("from csv import DictWriter")
    assert spreadsheet_writing("import xlsxwriter")
    assert not spreadsheet_writing("from openpyxl import load_workbook\nimport csv\ncsv.reader(f)")


def test_no_code_but_the_writer_makes_a_workbook_or_a_csv_writer():
    assert {"config", "curriculum", "home", "sessions", "spreadsheets"} <= set(product_packages())
    bypasses = {
        str(path.relative_to(PROJECT)): found
        for path in product_files()
        if path != WRITER and (found := spreadsheet_writing(path.read_text()))
    }
    assert not bypasses, f"Write spreadsheets with the `spreadsheets` package: {bypasses}"


def test_the_writer_uses_no_app_of_ours():
    imported = set()
    for node in ast.walk(ast.parse(WRITER.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"csv", "datetime", "decimal", "io", "collections", "typing", "openpyxl"}


def all_subclasses(cls) -> set[type]:
    found = set()
    for subclass in cls.__subclasses__():
        found |= {subclass, *all_subclasses(subclass)}
    return found


def test_every_export_view_of_ours_writes_through_the_escaping_mixin():
    get_resolver().url_patterns  # noqa: B018 (imports every app's views, as a request would)
    ours = tuple(f"{package}." for package in product_packages())
    views = [
        cls for cls in all_subclasses(SpreadsheetExportMixin) if cls.__module__.startswith(ours)
    ]
    assert views
    bypassing = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in views
        if not issubclass(cls, FormulaEscapingExportMixin)
    ]
    assert not bypassing


def admin_routes(patterns, prefix="/"):
    """Every URL pattern with its path (None where a regular expression makes it up)."""
    for pattern in patterns:
        if isinstance(pattern.pattern, RoutePattern):
            part = str(pattern.pattern)
        elif isinstance(pattern.pattern, LocalePrefixPattern):
            part = pattern.pattern.language_prefix
        else:
            part = None
        route = None if prefix is None or part is None else prefix + part
        if isinstance(pattern, URLResolver):
            yield from admin_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def exported_columns(callback) -> bool:
    view_class = callback.view_class
    return bool(callback.view_initkwargs.get("list_export", view_class.list_export))


@pytest.mark.django_db
def test_every_admin_url_that_exports_columns_answers_with_the_escaping_mixin():
    checked = set()
    for route, pattern in admin_routes(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        if not exported_columns(pattern.callback):
            continue
        assert route and "<" not in route, f"Check the export of {view_class} by hand: {route}"
        answering = resolve(route).func.view_class
        assert issubclass(answering, FormulaEscapingExportMixin), (route, answering)
        assert issubclass(answering, view_class), (route, answering)
        checked.add(route)
    # Wagtail's own reports and the redirects list are among them.
    assert {
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/redirects/",
    } <= checked
