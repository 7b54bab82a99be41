"""Printed lessons under the production static storage: Khmer in Noto Sans Khmer, never boxes.

After `collectstatic` with whitenoise's manifest storage, `{% static %}` names the print
stylesheet and the font by hashed names. The PDFs must load both all the same: the font
list says Noto Sans Khmer and nothing else, and page 1 looks exactly like the page made
under the test settings (plain static names).
"""

import io
import re
import shutil
import zipfile

import pytest

from curriculum.documents import lesson_html, render_variant
from curriculum.models import PrintedFile
from tests.factories import UserFactory
from tests.fixtures.pdf import assert_khmer_font_only, assert_same_picture, first_page_png
from tests.fixtures.production_static import production_storage

pytestmark = [pytest.mark.django_db, pytest.mark.needs_tool]

HASHED_STYLESHEET = re.compile(r'href="/static/css/print\.[0-9a-f]{12}\.css"')


def download(client, page, variant: str) -> bytes:
    response = client.get(f"/km/print/{page.pk}/{variant}/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def facilitator_client(client):
    client.force_login(UserFactory(role="Club leaders"))
    return client


def test_the_print_stylesheet_is_named_as_the_production_storage_names_it(
    curriculum_tree, production_static
):
    html = lesson_html(lesson=curriculum_tree["lesson"], variant="handout")
    assert HASHED_STYLESHEET.search(html)


@pytest.mark.parametrize(
    ("page_name", "variant"),
    [("lesson", "handout"), ("lesson", "lesson-plan"), ("module", "pack")],
)
def test_each_printed_pdf_is_set_in_noto_sans_khmer_under_production_storage(
    facilitator_client, curriculum_tree, collected_static_root, page_name, variant
):
    page = curriculum_tree[page_name]
    with production_storage(collected_static_root):
        content = download(facilitator_client, page, variant)
    assert_khmer_font_only(content)
    # The same page made under the test settings (static files by their plain names).
    reference = render_variant(page=page, variant=variant)
    assert_same_picture(first_page_png(content), first_page_png(reference))


def test_every_pdf_in_the_offline_pack_is_set_in_noto_sans_khmer(
    facilitator_client, curriculum_tree, production_static
):
    zipped = download(facilitator_client, curriculum_tree["module"], "offline-pack")
    archive = zipfile.ZipFile(io.BytesIO(zipped))
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert len(pdfs) == 1 + 2 * 2  # the pack, then each lesson's plan and handout
    for name in pdfs:
        assert_khmer_font_only(archive.read(name))


def test_a_handout_whose_stylesheet_is_missing_is_not_stored_and_the_reader_is_told(
    client, curriculum_tree, collected_static_root, tmp_path
):
    # The manifest of a deploy, but none of its files: the hashed names point nowhere.
    shutil.copy(collected_static_root / "staticfiles.json", tmp_path / "staticfiles.json")
    with production_storage(tmp_path):
        response = client.get(f"/km/print/{curriculum_tree['lesson'].pk}/handout/")
    assert response.status_code == 503
    assert "មិនអាចបោះពុម្ព" in response.content.decode()  # "cannot be printed"
    assert not PrintedFile.objects.exists()
