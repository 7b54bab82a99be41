"""Printed files are private: kept outside MEDIA_ROOT, sent only through the download view.

Lesson plans and packs hold quiz answers and facilitators' tips. The web server serves
MEDIA_ROOT to anyone, so a file kept there could be fetched by guessing its name.
"""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import re_path
from django.views.static import serve

from config import urls as project_urls
from curriculum.models import LessonPage, PrintedFile
from curriculum.print_variants import safe_file_name
from curriculum.printing.files import printed_file_for
from curriculum.printing.storage_move import move_printed_files
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_tool]


class NginxServingMedia:
    """The project's URLs behind a web server that serves MEDIA_ROOT, as the README sets up."""

    urlpatterns = [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
        *project_urls.urlpatterns,
    ]


@override_settings(ROOT_URLCONF=NginxServingMedia)
def test_an_anonymous_reader_cannot_fetch_a_lesson_plan_by_guessing_its_media_address(
    client, curriculum_tree
):
    printed = printed_file_for(page=curriculum_tree["lesson"], variant="lesson-plan")
    # The name follows a pattern anyone can guess: printed/<page>/<lang>-<variant>-r<rev>...
    assert client.get(f"/media/{printed.file.name}").status_code == 404
    assert not Path(settings.MEDIA_ROOT, "printed").exists()
    assert Path(printed.file.path).is_relative_to(settings.PRINTED_FILES_ROOT)
    with pytest.raises(NotImplementedError):
        printed.file.url  # noqa: B018 - a private file has no public address
    # The view still asks who is there.
    response = client.get(f"/km/print/{curriculum_tree['lesson'].pk}/lesson-plan/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@override_settings(PRINTED_FILES_ACCEL_REDIRECT="/_printed/")
def test_behind_nginx_the_view_checks_and_nginx_sends_the_file(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    url = f"/km/print/{lesson.pk}/lesson-plan/"
    assert client.get(url).status_code == 302  # anonymous: log in first, no file
    client.force_login(UserFactory(role="Club leaders"))
    response = client.get(url)
    printed = PrintedFile.objects.get(page=lesson, variant="lesson-plan")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_printed/{printed.file.name}"
    assert response.content == b""
    assert response["ETag"] == f'"{printed.sha256}"'
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, max-age=3600"
    # A phone that has the file revalidates and gets a 304, from the view.
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert "X-Accel-Redirect" not in again


def test_files_printed_before_are_moved_out_of_media_root(curriculum_tree, tmp_path):
    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    printed = PrintedFile(
        page=lesson,
        variant="lesson-plan",
        content_key="old",
        revision_id=lesson.live_revision_id,
        size=8,
        sha256="0" * 64,
    )
    printed.file.name = f"printed/{lesson.pk}/km-lesson-plan-old.pdf"
    printed.save()
    old_media = tmp_path / "media"
    (old_media / "printed" / str(lesson.pk)).mkdir(parents=True)
    (old_media / printed.file.name).write_bytes(b"%PDF-old")

    assert move_printed_files(PrintedFile.objects.all(), media_root=old_media) == 1
    assert not (old_media / "printed").exists()
    with PrintedFile.objects.get(pk=printed.pk).file.open("rb") as handle:
        assert handle.read() == b"%PDF-old"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("/../../tmp/x", "tmp x"),
        ("a/b\\c", "a b c"),
        ("..", ""),
        ('ពិនិត្យ: "ភ្នាក់ងារ"?', "ពិនិត្យ ភ្នាក់ងារ"),
        ("Line\nbreak\x00", "Line break"),
    ],
)
def test_a_title_becomes_one_harmless_file_name(title, expected):
    assert safe_file_name(title) == expected


def test_an_offline_pack_s_entries_stay_in_the_folder_it_is_unzipped_into(
    curriculum_tree, tmp_path
):
    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    lesson.title = "/../../tmp/x"
    lesson.save_revision().publish()
    short_lesson = LessonPage.objects.get(pk=curriculum_tree["short_lesson"].pk)
    short_lesson.title = "folder/inside"
    short_lesson.save_revision().publish()

    printed = printed_file_for(page=curriculum_tree["module"], variant="offline-pack")
    with printed.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    names = archive.namelist()
    assert all("/" not in name and "\\" not in name and ".." not in name for name in names)
    assert any(name.startswith("01 tmp x") for name in names)
    archive.extractall(tmp_path / "unzipped")
    assert len(list((tmp_path / "unzipped").iterdir())) == len(names)


def test_a_stored_file_that_went_missing_is_made_again_in_private_storage(curriculum_tree):
    printed = printed_file_for(page=curriculum_tree["lesson"], variant="handout")
    Path(printed.file.path).unlink()
    again = printed_file_for(page=curriculum_tree["lesson"], variant="handout")
    assert Path(again.file.path).is_file()
    assert Path(again.file.path).is_relative_to(settings.PRINTED_FILES_ROOT)
    assert not Path(settings.MEDIA_ROOT, "printed").exists()
