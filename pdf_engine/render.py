"""HTML to PDF that fails loudly rather than print Khmer as empty boxes.

WeasyPrint does not stop when a stylesheet or font cannot be loaded: it logs and falls
back to a system font, and every Khmer character prints as an empty box. So each render
listens to WeasyPrint's log, in its own thread, and judges what it heard:

- a stylesheet or font that did not load is an error: nothing is returned to be stored;
- an address the fetcher refused on purpose (an editor's link to another host) is not;
- any other warning is logged once per document, and is an error where the setting
  `PDF_WARNINGS_ARE_ERRORS` is on (the test settings), so no warning goes unnoticed.
"""

import contextlib
import logging
import threading
from collections.abc import Iterator

from django.conf import settings
from weasyprint import HTML

from pdf_engine.actual_text import install_actual_text
from pdf_engine.fetcher import PRINT_BASE_URL, ProjectFilesFetcher

logger = logging.getLogger(__name__)

WEASYPRINT_LOGGER = logging.getLogger("weasyprint")
# What WeasyPrint logs when a stylesheet or a @font-face cannot be used.
FATAL_MESSAGES = ("Failed to load stylesheet", "Font-face")


class PdfRenderError(RuntimeError):
    """The document would not print as written: a stylesheet or font is missing."""


class _ThreadRecords(logging.Handler):
    """Keeps the warnings WeasyPrint logs in one thread (renders may run side by side)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@contextlib.contextmanager
def _weasyprint_warnings() -> Iterator[list[logging.LogRecord]]:
    handler = _ThreadRecords()
    WEASYPRINT_LOGGER.addHandler(handler)
    try:
        yield handler.records
    finally:
        WEASYPRINT_LOGGER.removeHandler(handler)


def html_to_pdf(html: str) -> bytes:
    """The PDF of `html`, whose relative addresses are the project's static and media files."""
    install_actual_text()
    fetcher = ProjectFilesFetcher()
    with _weasyprint_warnings() as records:
        content = HTML(string=html, base_url=PRINT_BASE_URL, url_fetcher=fetcher).write_pdf()
    _judge(records, fetcher)
    return content


def _judge(records: list[logging.LogRecord], fetcher: ProjectFilesFetcher) -> None:
    expected = [url[:120] for url in fetcher.expected_failures()]
    messages = [record.getMessage() for record in records]
    unexpected = [text for text in messages if not any(url in text for url in expected)]
    fatal = [text for text in unexpected if text.startswith(FATAL_MESSAGES)]
    if fetcher.missing or fatal:
        problem = "; ".join([*(f"no file at {url}" for url in fetcher.missing), *fatal][:5])
        logger.error("PDF not made: %s", problem)
        raise PdfRenderError(f"A stylesheet or font of the PDF could not be loaded: {problem}")
    if unexpected:
        summary = f"{len(unexpected)} warning(s), the first: {unexpected[0]}"
        if getattr(settings, "PDF_WARNINGS_ARE_ERRORS", False):
            raise PdfRenderError(f"WeasyPrint warned while printing: {summary}")
        logger.warning("PDF printed with %s", summary)
