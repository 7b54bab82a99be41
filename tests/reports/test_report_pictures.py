"""Page 1 of the Khmer PDF report drawn as PNG, for a person to look at (test-artifacts/)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_page_one_of_the_khmer_pdf_report_is_drawn_to_look_at(client, programme):
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (Debian package poppler-utils)")
    client.force_login(UserFactory(role="National program officers"))
    response = client.get("/admin/reports/programme/", {"export": "pdf", "language": "km"})
    artifacts = Path(settings.BASE_DIR, "test-artifacts", "reports")
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "programme-report-km.pdf").write_bytes(response.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "-"]
        + [str(artifacts / "programme-report-km-page-1")],
        input=response.content,
        check=True,
    )
    picture = Image.open(artifacts / "programme-report-km-page-1.png").convert("L")
    assert picture.getextrema()[0] < 100  # something dark is drawn: the text
