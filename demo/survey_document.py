"""The demo publication's one-page survey summary, a PDF in Khmer and English."""

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model

from .data_files import demo_data


def demo_survey_document_build():
    """The one-page survey summary PDF of the demo publication, found by title later."""
    document_model = get_document_model()
    publication = demo_data("publication")
    title = publication["document_title"]
    document = document_model.objects.filter(title=title).first()
    if document is None:
        document = document_model(title=title)
        document.file = ContentFile(_survey_pdf(), name=publication["document_file"])
        document.save()
    return document


def _survey_pdf() -> bytes:
    from weasyprint import HTML

    from pdf_engine.fonts import khmer_font_file

    return HTML(string=_survey_html(font_url=khmer_font_file().as_uri())).write_pdf()


def _survey_html(*, font_url: str) -> str:
    text = demo_data("publication")["survey"]
    findings = "".join(
        f"<tr><td class='figure'>{escape(row['figure'])}</td>"
        f"<td lang='km'>{escape(row['km'])}</td><td lang='en'>{escape(row['en'])}</td></tr>"
        for row in text["findings"]
    )

    def section(language):
        part = text[language]
        items = "".join(f"<li>{escape(item)}</li>" for item in part["recommendations"])
        return (
            f"<section lang='{language}'><h2>{escape(part['recommendations_heading'])}</h2>"
            f"<ul>{items}</ul></section>"
        )

    return f"""<!doctype html><html lang="km"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "Noto Sans Khmer"; src: url("{font_url}"); }}
@page {{ size: A4; margin: 16mm 16mm 14mm; }}
body {{ font-family: "Noto Sans Khmer", sans-serif; font-size: 10pt; line-height: 1.5;
        color: #1f2933; }}
.banner {{ background: #fde68a; padding: 4pt 8pt; font-weight: bold; font-size: 9pt; }}
h1 {{ color: #0f5e6e; font-size: 15pt; margin: 10pt 0 0; line-height: 1.7; }}
h1 + h1 {{ font-size: 13pt; margin-top: 0; }}
h2 {{ color: #0f5e6e; font-size: 11pt; margin: 12pt 0 2pt; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 10pt; }}
td {{ border-top: 1px solid #d0d7de; padding: 5pt 6pt; vertical-align: top; }}
td.figure {{ font-size: 16pt; font-weight: bold; color: #c0392b; width: 14%; }}
.columns {{ display: flex; gap: 16pt; }} .columns section {{ flex: 1; }}
</style></head><body>
<p class="banner">{escape(text["banner"])}</p>
<h1 lang="km">{escape(text["km"]["heading"])}</h1>
<h1 lang="en">{escape(text["en"]["heading"])}</h1>
<p lang="km">{escape(text["km"]["intro"])}</p>
<p lang="en">{escape(text["en"]["intro"])}</p>
<table>{findings}</table>
<div class="columns">{section("km")}{section("en")}</div>
</body></html>"""
