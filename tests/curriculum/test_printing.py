"""The PDFs: what they say (read back with pdftotext), how they are kept, what they refuse."""

import base64
import http.server
import re
import sys
import tempfile
import threading
import zipfile
from io import BytesIO
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connections
from django.test import override_settings
from wagtail.images import get_image_model

from curriculum import documents
from curriculum.documents import render_variant
from curriculum.models import LessonPage, PrintedFile
from curriculum.printing.files import printed_file_for
from tests.fixtures.pdf import pdf_page_count, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.needs_tool]


def read(printed: PrintedFile) -> bytes:
    with printed.file.open("rb") as handle:
        return handle.read()


def squeeze(text: str) -> str:
    """pdftotext's text with line breaks and runs of spaces joined up."""
    return re.sub(r"\s+", " ", text)


def test_the_lesson_plan_holds_the_khmer_of_the_lesson_and_the_answers(curriculum_tree):
    text = squeeze(
        pdf_text(read(printed_file_for(page=curriculum_tree["lesson"], variant="lesson-plan")))
    )
    assert "ពិនិត្យភ្នាក់ងារជ្រើសរើស" in text
    assert "យុវជនត្រូវពិនិត្យមើលថាភ្នាក់ងារជ្រើសរើសមានអាជ្ញាប័ណ្ណពីក្រសួងការងារ" in text
    assert "SAFEGUARDING-NOTE" in text
    assert "TIP-FOR-FACILITATORS" in text
    assert "EXPLANATION-FOR-FACILITATORS" in text
    assert "ចម្លើយត្រឹមត្រូវ" in text  # "right answer", next to the right option
    assert "012 000 111" in text


def test_the_handout_holds_key_messages_and_help_but_no_answers(curriculum_tree):
    text = squeeze(
        pdf_text(read(printed_file_for(page=curriculum_tree["lesson"], variant="handout")))
    )
    assert "កុំប្រគល់លិខិតឆ្លងដែនរបស់អ្នកឱ្យនិយោជក" in text
    assert "ខ្សែទូរស័ព្ទជំនួយជាតិ" in text
    for secret in ["EXPLANATION-FOR-FACILITATORS", "TIP-FOR-FACILITATORS", "ចម្លើយត្រឹមត្រូវ"]:
        assert secret not in text


def test_an_english_lesson_prints_its_english_words(curriculum_tree, en_home, en_locale):
    for page in [curriculum_tree["index"], curriculum_tree["module"]]:
        page.copy_for_translation(en_locale).save_revision().publish()
    english = curriculum_tree["lesson"].copy_for_translation(en_locale)
    english.title = "Check the recruitment agency"
    english.summary = "Young people check that the agency is licensed."
    english.save_revision().publish()
    english = LessonPage.objects.get(pk=english.pk)
    text = squeeze(pdf_text(read(printed_file_for(page=english, variant="lesson-plan"))))
    assert "Check the recruitment agency" in text
    assert "Young people check that the agency is licensed." in text
    assert "Facilitator's lesson plan" in text


def test_the_pack_has_a_cover_and_a_table_of_contents_with_page_numbers(curriculum_tree):
    content = read(printed_file_for(page=curriculum_tree["module"], variant="pack"))
    text = pdf_text(content)
    contents = {
        match["title"].strip(" ."): int(match["page"])
        for match in re.finditer(
            r"^\s*\d+\.\s+(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)\s*$", text, re.M
        )
    }
    assert set(contents) == {"ពិនិត្យភ្នាក់ងារជ្រើសរើស", "កិច្ចសន្យា"}
    assert 3 <= contents["ពិនិត្យភ្នាក់ងារជ្រើសរើស"] < contents["កិច្ចសន្យា"] <= pdf_page_count(content)
    assert "ការរៀបចំធ្វើចំណាកស្រុកដោយសុវត្ថិភាព" in text.split("\f")[0]  # the cover


def test_the_offline_pack_holds_the_pack_each_lesson_and_a_read_me(curriculum_tree):
    archive = zipfile.ZipFile(
        BytesIO(read(printed_file_for(page=curriculum_tree["module"], variant="offline-pack")))
    )
    names = archive.namelist()
    assert {"README-km.txt", "README-en.txt"} <= set(names)
    assert sum(name.endswith(".pdf") for name in names) == 5  # the pack and 2 x 2 lessons
    assert "ក្រៅបណ្ដាញ" in archive.read("README-km.txt").decode("utf-8")
    assert all(archive.read(name).startswith(b"%PDF") for name in names if name.endswith(".pdf"))


def test_a_file_is_made_once_and_reused(curriculum_tree):
    lesson = curriculum_tree["lesson"]
    with mock.patch.object(documents, "render_variant", wraps=render_variant) as renderer:
        first = printed_file_for(page=lesson, variant="handout")
        second = printed_file_for(page=lesson, variant="handout")
    assert renderer.call_count == 1
    assert first.pk == second.pk
    assert PrintedFile.objects.filter(page=lesson, variant="handout").count() == 1


def test_a_lost_file_is_made_again(curriculum_tree):
    lesson = curriculum_tree["lesson"]
    printed = printed_file_for(page=lesson, variant="handout")
    printed.file.storage.delete(printed.file.name)
    again = printed_file_for(page=lesson, variant="handout")
    assert again.file.storage.exists(again.file.name)


def test_a_new_revision_makes_new_files_and_the_old_ones_go(
    curriculum_tree, django_capture_on_commit_callbacks
):
    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    old = printed_file_for(page=lesson, variant="lesson-plan")
    old_pack = printed_file_for(page=curriculum_tree["module"], variant="pack")
    with override_settings(PRINT_ON_PUBLISH=True), django_capture_on_commit_callbacks(execute=True):
        lesson.summary = "សេចក្ដីសង្ខេបថ្មីសម្រាប់ការបោះពុម្ព។"
        lesson.save_revision().publish()
    lesson.refresh_from_db()
    new = PrintedFile.objects.get(page=lesson, variant="lesson-plan")
    assert new.pk != old.pk and new.revision_id == lesson.live_revision_id
    assert not old.file.storage.exists(old.file.name)
    assert "សេចក្ដីសង្ខេបថ្មីសម្រាប់ការបោះពុម្ព" in squeeze(pdf_text(read(new)))
    # The pack holds the lesson, so it is made again too.
    new_pack = PrintedFile.objects.get(page=curriculum_tree["module"], variant="pack")
    assert new_pack.pk != old_pack.pk
    assert not old_pack.file.storage.exists(old_pack.file.name)


def test_drafts_and_unpublished_pages_are_never_printed(curriculum_tree):
    from curriculum.printing.files import NotPrintable

    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    lesson.summary = "DRAFT-ONLY-TEXT"
    lesson.save_revision()  # a draft, not published
    text = pdf_text(read(printed_file_for(page=lesson, variant="lesson-plan")))
    assert "DRAFT-ONLY-TEXT" not in text
    lesson.unpublish()
    with pytest.raises(NotPrintable):
        printed_file_for(page=lesson, variant="lesson-plan")


def test_a_missing_image_file_gives_a_pdf_with_a_placeholder(curriculum_tree, caplog):
    image = get_image_model().objects.create(
        title="LOST-PICTURE", file=ContentFile(_png_bytes(), name="lost.png")
    )
    Path(image.file.path).unlink()
    lesson = curriculum_tree["lesson"]
    lesson.body = [
        *lesson.body.raw_data,
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}},
    ]
    lesson.save_revision().publish()
    content = render_variant(page=LessonPage.objects.get(pk=lesson.pk), variant="lesson-plan")
    assert "LOST-PICTURE" in pdf_text(content)
    assert "Could not print image" in caplog.text


def test_a_broken_block_gives_a_pdf_with_a_placeholder(curriculum_tree, caplog):
    lesson = curriculum_tree["lesson"]
    with (
        mock.patch("curriculum.documents.render_to_string", wraps=documents.render_to_string),
        mock.patch(
            "curriculum.templatetags.printing_tags.render_to_string",
            side_effect=[ValueError("broken block")] + [""] * 50,
        ),
    ):
        content = render_variant(page=lesson, variant="lesson-plan")
    assert content.startswith(b"%PDF")
    assert "មិនអាចបោះពុម្ព" in squeeze(pdf_text(content))
    assert "Could not print a activity block" in caplog.text


def _png_bytes() -> bytes:
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b5d7a").save(buffer, format="PNG")
    return buffer.getvalue()


# Serialized rollback, like every transactional test here: the next ones find the
# migrations' data (groups, pages, content types) restored. The geography is loaded after
# the migrations: `geography` reloads it where a transactional test before emptied it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_downloads_make_the_file_once(geography, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    errors = []
    barrier = threading.Barrier(4)

    def download():
        try:
            barrier.wait()
            printed_file_for(page=LessonPage.objects.get(pk=lesson.pk), variant="handout")
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    with mock.patch.object(documents, "render_variant", wraps=render_variant) as renderer:
        threads = [threading.Thread(target=download) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert renderer.call_count == 1
    assert PrintedFile.objects.filter(page=lesson, variant="handout").count() == 1


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(_png_bytes())

    def log_message(self, *args):
        pass


def test_rendering_fetches_nothing_but_the_project_s_own_files(curriculum_tree):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address
    big_data_url = "data:image/png;base64," + base64.b64encode(b"\0" * 700_000).decode()
    lesson = curriculum_tree["lesson"]
    lesson.learning_objectives = (
        f'<p>OBJECTIVE<img src="http://{host}:{port}/leak.png">'
        f'<img src="http://localhost:{port}/leak2.png">'
        '<img src="file:///etc/passwd"><img src="/static/../../../../etc/passwd">'
        '<img src="/media/../../../../etc/passwd">'
        f'<img src="{big_data_url}"></p>'
    )
    lesson.save_revision().publish()

    opened = []

    def audit(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, Path)):
            opened.append(str(args[0]))

    sys.addaudithook(audit)  # hooks cannot be removed; this one only records
    try:
        content = render_variant(page=LessonPage.objects.get(pk=lesson.pk), variant="lesson-plan")
        recorded = list(opened)
    finally:
        opened.clear()
        server.shutdown()

    assert content.startswith(b"%PDF")
    assert "OBJECTIVE" in pdf_text(content)
    assert RecordingHandler.requests == []
    allowed = [
        str(Path(settings.MEDIA_ROOT).resolve()),
        str(Path(settings.BASE_DIR, "static")),
        str(Path(settings.WEBFONT_CACHE_DIR)),
        str(Path(sys.prefix)),  # Python, Django's and WeasyPrint's own files, the font package
        str(Path(sys.base_prefix)),
        str(Path(tempfile.gettempdir(), "weasyprint-")),  # WeasyPrint's own font cache
    ]
    outside = [path for path in recorded if not any(path.startswith(root) for root in allowed)]
    assert outside == []
    assert not any("passwd" in path for path in recorded)


def test_an_editor_previews_the_pdf_of_unpublished_changes(curriculum_tree, rf):
    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    assert [mode for mode, __ in lesson.preview_modes] == ["", "lesson-plan", "handout"]
    lesson.summary = "PREVIEW-ONLY-CHANGE"
    request = rf.get("/admin/")
    request.user = mock.Mock(is_authenticated=True)
    response = lesson.serve_preview(request, "handout")
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert "PREVIEW-ONLY-CHANGE" in pdf_text(response.content)
    assert not PrintedFile.objects.exists()  # previews are never stored


def test_page_one_of_the_khmer_pack_is_drawn_for_a_person_to_look_at(curriculum_tree):
    """Writes test-artifacts/pdf/pack-km-page-1.png, to look at: is the Khmer shaped right?"""
    import shutil
    import subprocess

    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (Debian package poppler-utils)")
    artifacts = Path(settings.BASE_DIR, "test-artifacts", "pdf")
    artifacts.mkdir(parents=True, exist_ok=True)
    content = read(printed_file_for(page=curriculum_tree["module"], variant="pack"))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
            str(artifacts / "pack-km-page-1"),
        ],
        input=content,
        check=True,
    )
    picture = Image.open(artifacts / "pack-km-page-1.png").convert("L")
    assert picture.getextrema()[0] < 100  # something dark is drawn: the text


def test_a_hotline_number_a_moderator_approves_reaches_the_handout_and_the_pack(
    curriculum_tree, help_entries
):
    lesson, module = curriculum_tree["lesson"], curriculum_tree["module"]
    for page, variant in [(lesson, "handout"), (module, "pack")]:
        assert "012 000 111" in squeeze(
            pdf_text(read(printed_file_for(page=page, variant=variant)))
        )

    entry = help_entries["national"]
    entry.phone = "099 888 777"
    entry.save_revision().publish()  # what the moderator's "Approve and publish" does

    for page, variant in [(lesson, "handout"), (module, "pack")]:
        page = type(page).objects.get(pk=page.pk)
        text = squeeze(pdf_text(read(printed_file_for(page=page, variant=variant))))
        assert "099 888 777" in text, variant
        assert "012 000 111" not in text, variant
