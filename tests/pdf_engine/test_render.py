"""The PDF engine fails loudly when a stylesheet or font is missing, never prints boxes."""

import logging

import pytest
from django.test import override_settings

from pdf_engine import PdfRenderError, html_to_pdf
from tests.fixtures.pdf import assert_khmer_font_only, pdf_text

pytestmark = pytest.mark.needs_tool

KHMER = "ពិនិត្យភ្នាក់ងារជ្រើសរើស"


def page(head: str = "", body: str = KHMER) -> str:
    return (
        f'<!DOCTYPE html><html lang="km"><head><meta charset="utf-8">{head}</head>'
        f"<body><p>{body}</p></body></html>"
    )


PRINT_CSS = '<link rel="stylesheet" href="/static/css/print.css">'


def test_khmer_prints_in_the_project_s_font():
    content = html_to_pdf(page(PRINT_CSS))
    assert_khmer_font_only(content)
    assert KHMER in pdf_text(content)


def test_a_missing_stylesheet_fails_the_build(caplog):
    with pytest.raises(PdfRenderError, match="no-such-sheet"):
        html_to_pdf(page('<link rel="stylesheet" href="/static/css/no-such-sheet.css">'))
    assert "PDF not made" in caplog.text


def test_a_missing_font_fails_the_build():
    missing_font = (
        "<style>@font-face { font-family: Khmer; src: url(/static/fonts/no-such-font.ttf); }"
        "p { font-family: Khmer; }</style>"
    )
    with pytest.raises(PdfRenderError, match="no-such-font"):
        html_to_pdf(page(missing_font))


def test_an_address_an_editor_typed_is_refused_and_the_pdf_still_made():
    content = html_to_pdf(page(PRINT_CSS, body=f'{KHMER}<img src="https://example.org/x.png">'))
    assert KHMER in pdf_text(content)


@override_settings(PDF_WARNINGS_ARE_ERRORS=True)
def test_any_other_warning_fails_where_warnings_are_errors():
    with pytest.raises(PdfRenderError, match="unknown property"):
        html_to_pdf(page(PRINT_CSS + "<style>p { colour: red; }</style>"))


@override_settings(PDF_WARNINGS_ARE_ERRORS=False)
def test_elsewhere_other_warnings_are_logged_once_and_the_pdf_made(caplog):
    with caplog.at_level(logging.WARNING, logger="pdf_engine"):
        content = html_to_pdf(page(PRINT_CSS + "<style>p { colour: red; } p { sise: 1; }</style>"))
    assert content.startswith(b"%PDF")
    summaries = [r for r in caplog.records if r.name == "pdf_engine.render"]
    assert len(summaries) == 1
    assert "2 warning(s)" in summaries[0].getMessage()
