"""HTML to PDF for the whole project: WeasyPrint, the project's own files only, Khmer that reads.

It imports no app of ours: lessons, packs and the programme report all print through
`html_to_pdf`.
"""

from pdf_engine.fetcher import PRINT_BASE_URL
from pdf_engine.render import PdfRenderError, html_to_pdf

__all__ = ["PRINT_BASE_URL", "PdfRenderError", "html_to_pdf"]
