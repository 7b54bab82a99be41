"""Downloads of printed lessons and packs: headers, 304s, byte ranges, 404s, counts and links.

PDFs really render (about a second each), so each test that needs a file makes one and
checks several things with it.
"""

import datetime
import io
import zipfile
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models.query import QuerySet
from django.template.defaultfilters import filesizeformat
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from curriculum.models import LessonPage, PrintedFile, PrintedFileDownload
from curriculum.print_variants import PrintVariant, download_filenames
from curriculum.printing.http import (
    ByteRange,
    RangeNotSatisfiable,
    attachment_disposition,
    byte_range_for_request,
    byte_range_parse,
    file_chunks,
    if_range_allows_range,
)
from curriculum.printing.services import printed_file_download_count
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Tests that make a real PDF with WeasyPrint.
renders = pytest.mark.needs_tool


def download_url(page, variant: str, *, language: str = "km") -> str:
    return f"/{language}/print/{page.pk}/{variant}/"


def read(printed: PrintedFile) -> bytes:
    with printed.file.open("rb") as handle:
        return handle.read()


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def download_count(page, variant: str) -> int:
    return sum(
        PrintedFileDownload.objects.filter(page=page, variant=variant).values_list(
            "count", flat=True
        )
    )


# The view, over HTTP


@renders
def test_a_download_is_the_stored_file_saved_under_its_khmer_name(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    response = client.get(download_url(lesson, "handout"))
    body = response.getvalue()
    printed = PrintedFile.objects.get(page=lesson, variant="handout")

    assert response.status_code == 200
    assert body == read(printed)
    assert body.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(printed.size) == str(len(body))
    assert response["ETag"] == f'"{printed.sha256}"'
    assert response["Last-Modified"] == http_date(int(printed.created_at.timestamp()))
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Accept-Ranges"] == "bytes"

    unicode_name, ascii_name = download_filenames(page=lesson, variant="handout")
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="{ascii_name}"; ')
    assert ascii_name.isascii() and ascii_name.endswith(".pdf")
    encoded = disposition.split("; filename*=UTF-8''")[1]
    assert encoded.isascii() and " " not in encoded
    assert unquote(encoded) == unicode_name
    assert unicode_name.startswith("ពិនិត្យភ្នាក់ងារជ្រើសរើស")


@renders
def test_a_reader_who_has_the_file_gets_a_304_without_a_body(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    url = download_url(lesson, "handout")
    first = client.get(url)
    first.getvalue()  # read to the end, as a browser does, which closes the file
    etag, last_modified = first["ETag"], first["Last-Modified"]

    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": last_modified}):
        response = client.get(url, headers=headers)
        assert response.status_code == 304, headers
        assert response.content == b""
        assert response["ETag"] == etag
        assert response["Cache-Control"] == "public, max-age=3600"

    changed = client.get(url, headers={"If-None-Match": '"an-older-file"'})
    assert changed.status_code == 200
    assert changed.getvalue().startswith(b"%PDF")
    assert download_count(lesson, "handout") == 2  # the two 200s, not the 304s


@renders
def test_a_broken_download_resumes_with_byte_ranges(client, curriculum_tree):
    url = download_url(curriculum_tree["short_lesson"], "handout")
    whole_response = client.get(url)
    whole = whole_response.getvalue()
    size, etag = len(whole), whole_response["ETag"]

    def get(range_header, **headers):
        response = client.get(url, headers={"Range": range_header, **headers})
        return response, response.getvalue()

    response, body = get("bytes=0-3")
    assert response.status_code == 206
    assert body == b"%PDF"
    assert response["Content-Range"] == f"bytes 0-3/{size}"
    assert response["Content-Length"] == "4"
    assert response["ETag"] == etag
    assert response["Content-Type"] == "application/pdf"

    response, body = get("bytes=-10")  # the last ten bytes
    assert (response.status_code, body) == (206, whole[-10:])
    assert response["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"

    response, body = get("bytes=100-")  # from byte 100 to the end
    assert (response.status_code, body) == (206, whole[100:])
    assert response["Content-Length"] == str(size - 100)

    response, body = get("bytes=100-199", **{"If-Range": etag})
    assert (response.status_code, body) == (206, whole[100:200])
    response, body = get("bytes=100-199", **{"If-Range": whole_response["Last-Modified"]})
    assert (response.status_code, body) == (206, whole[100:200])

    # The file changed since the reader got the first part: the whole file, not a part.
    response, body = get("bytes=100-199", **{"If-Range": '"an-older-file"'})
    assert (response.status_code, body) == (200, whole)

    response, body = get(f"bytes={size}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"
    assert body == b""

    for ignored in ("bytes=0-1,5-6", "bytes=abc", "pages=1-2", "bytes=5-2"):
        response, body = get(ignored)
        assert (response.status_code, body) == (200, whole), ignored


@renders
def test_head_describes_the_file_without_sending_it(client, curriculum_tree):
    client.force_login(UserFactory(role="Club leaders"))
    lesson = curriculum_tree["short_lesson"]
    response = client.head(download_url(lesson, "lesson-plan"))
    printed = PrintedFile.objects.get(page=lesson, variant="lesson-plan")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Length"] == str(printed.size)
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{printed.sha256}"'
    assert response["Content-Disposition"].startswith("attachment; ")
    assert download_count(lesson, "lesson-plan") == 0


def page_and_variant_for(case: str, tree) -> tuple[int, str]:
    """The page id and variant of a download that must not be served."""
    lesson, module = tree["lesson"], tree["module"]
    if case == "draft":
        draft = module.add_child(
            instance=LessonPage(
                title="សេចក្ដីព្រាង",
                slug="draft",
                live=False,
                summary="DRAFT",
                duration_minutes=10,
                learning_objectives="<p>DRAFT</p>",
                safeguarding_note="<p>DRAFT</p>",
                body=[],
            )
        )
        draft.save_revision()
        return draft.pk, "handout"
    if case == "unknown page":
        return 999_999, "handout"
    if case == "variant of a module":
        return lesson.pk, "pack"
    if case == "no such variant":
        return lesson.pk, "poster"
    if case == "unpublished":
        lesson.unpublish()
        return lesson.pk, "handout"
    if case == "private":
        PageViewRestriction.objects.create(
            page=module, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        return lesson.pk, "handout"
    if case == "page that is not printed":
        return tree["index"].pk, "pack"
    raise AssertionError(case)


@pytest.mark.parametrize(
    "case",
    [
        "draft",
        "unknown page",
        "variant of a module",
        "no such variant",
        "unpublished",
        "private",
        "page that is not printed",
    ],
)
def test_only_live_public_printed_pages_are_served(client, curriculum_tree, case):
    page_id, variant = page_and_variant_for(case, curriculum_tree)
    response = client.get(f"/km/print/{page_id}/{variant}/")
    assert response.status_code == 404
    assert not PrintedFile.objects.exists()
    assert not PrintedFileDownload.objects.exists()


def test_a_download_cannot_be_posted(client, curriculum_tree):
    response = client.post(download_url(curriculum_tree["lesson"], "handout"))
    assert response.status_code == 405


# Counting


@renders
def test_each_whole_download_counts_once_but_304s_heads_and_later_parts_do_not(
    client, curriculum_tree
):
    lesson = curriculum_tree["lesson"]
    url = download_url(lesson, "handout")
    etag = None
    for __ in range(2):
        response = client.get(url)
        response.getvalue()
        etag = response["ETag"]
    counter = PrintedFileDownload.objects.get()
    assert (counter.page_id, counter.variant, counter.day) == (
        lesson.pk,
        "handout",
        timezone.localdate(),
    )
    assert counter.locale.language_code == "km"
    assert counter.count == 2

    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    later_part = client.get(url, headers={"Range": "bytes=1000-"})
    assert later_part.status_code == 206
    later_part.getvalue()
    assert client.head(url).status_code == 200
    assert download_count(lesson, "handout") == 2

    # A download manager's first part is a download.
    first_part = client.get(url, headers={"Range": "bytes=0-999"})
    assert first_part.status_code == 206
    assert len(first_part.getvalue()) == 1000
    assert download_count(lesson, "handout") == 3


def test_downloads_are_counted_by_page_variant_and_day(curriculum_tree):
    lesson = curriculum_tree["lesson"]
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    printed_file_download_count(page=lesson, variant="handout")
    printed_file_download_count(page=lesson, variant="handout")
    printed_file_download_count(page=lesson, variant="lesson-plan")
    printed_file_download_count(page=lesson, variant="handout", day=yesterday)
    counts = {
        (row.variant, row.day): row.count
        for row in PrintedFileDownload.objects.filter(page=lesson, locale=lesson.locale)
    }
    assert counts == {
        ("handout", timezone.localdate()): 2,
        ("lesson-plan", timezone.localdate()): 1,
        ("handout", yesterday): 1,
    }


def test_a_count_made_by_another_request_at_the_same_moment_is_kept(curriculum_tree, monkeypatch):
    """Two first downloads of the day: the other request inserts the day's row between this
    one's read and its insert. Both count (threads would do the same, but SQLite's in-memory
    test database locks tables between threads where a real database waits)."""
    lesson = curriculum_tree["lesson"]
    get = QuerySet.get
    raced = []

    def get_after_another_request_counted(queryset, *args, **kwargs):
        if queryset.model is PrintedFileDownload and not raced:
            raced.append(True)
            try:
                return get(queryset, *args, **kwargs)  # nothing yet, as this request reads
            finally:
                printed_file_download_count(page=lesson, variant="handout")  # the other one
        return get(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "get", get_after_another_request_counted)
    printed_file_download_count(page=lesson, variant="handout")
    assert raced
    assert PrintedFileDownload.objects.get(page=lesson, variant="handout").count == 2


# Links on the pages


@renders
def test_the_lesson_page_links_its_downloads_and_shows_sizes_once_made(client, curriculum_tree):
    lesson = curriculum_tree["lesson"]
    page = parse(client.get(lesson.url))
    section = page.select_one("section.downloads")
    assert section.select_one("h2")["id"] == section["aria-labelledby"]  # a named region
    links = section.select("a.download-link")
    assert [link["href"] for link in links] == [
        download_url(lesson, "lesson-plan"),
        download_url(lesson, "handout"),
    ]
    assert [link.select_one(".download-link__meta").get_text() for link in links] == [
        "PDF · សម្រាប់អ្នកសម្របសម្រួល៖ សូមចូលប្រើជាមុនសិន",
        "PDF",
    ]
    assert section.select_one(".hint") is not None  # the first download takes longer
    assert not PrintedFile.objects.exists()  # showing the page renders nothing

    client.get(links[1]["href"]).getvalue()
    size = PrintedFile.objects.get(page=lesson, variant="handout").size
    page = parse(client.get(lesson.url))
    with translation.override("km"):
        handout_size = filesizeformat(size)
    assert [
        link.select_one(".download-link__meta").get_text()
        for link in page.select("a.download-link")
    ] == ["PDF · សម្រាប់អ្នកសម្របសម្រួល៖ សូមចូលប្រើជាមុនសិន", f"PDF · {handout_size}"]


@renders
def test_the_offline_pack_of_a_module_is_a_zip_of_read_mes_and_pdfs(client, curriculum_tree):
    client.force_login(UserFactory(role="Club leaders"))
    module = curriculum_tree["module"]
    page = parse(client.get(module.url))
    links = {link["href"]: link for link in page.select("section.downloads a.download-link")}
    assert list(links) == [download_url(module, "pack"), download_url(module, "offline-pack")]
    assert links[download_url(module, "offline-pack")]["type"] == "application/zip"

    response = client.get(download_url(module, "offline-pack"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert unquote(response["Content-Disposition"].split("''")[1]).endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    assert archive.testzip() is None
    names = archive.namelist()
    assert {"README-km.txt", "README-en.txt"} <= set(names)
    pdfs = [name for name in names if name.endswith(".pdf")]
    assert len(pdfs) == 5  # the pack, and two lessons' plans and handouts
    assert all(archive.read(name).startswith(b"%PDF") for name in pdfs)


def test_the_sizes_of_every_variant_come_from_one_query(curriculum_tree):
    lesson = LessonPage.objects.get(pk=curriculum_tree["lesson"].pk)
    PrintedFile.objects.create(
        page=lesson,
        variant="handout",
        revision_id=lesson.live_revision_id,
        content_key=lesson.printed_content_key(),
        file=ContentFile(b"%PDF-1.7 stored", name="handout.pdf"),
        size=12_345,
        sha256="0" * 64,
    )
    with CaptureQueriesContext(connection) as queries:
        downloads = lesson.printed_downloads()
    assert sum("curriculum_printedfile" in query["sql"] for query in queries) == 1
    assert len(queries) <= 3  # and Wagtail's view restrictions of the page and its ancestors
    assert downloads == [
        {
            "variant": "lesson-plan",
            "label": PrintVariant.LESSON_PLAN.label,
            "format": "PDF",
            "content_type": "application/pdf",
            "url": download_url(lesson, "lesson-plan"),
            "size": None,
            "facilitator_only": True,
        },
        {
            "variant": "handout",
            "label": PrintVariant.HANDOUT.label,
            "format": "PDF",
            "content_type": "application/pdf",
            "url": download_url(lesson, "handout"),
            "size": 12_345,
            "facilitator_only": False,
        },
    ]


def test_a_private_or_unpublished_page_offers_no_downloads(curriculum_tree):
    module, lesson = curriculum_tree["module"], curriculum_tree["short_lesson"]
    lesson.unpublish()
    assert LessonPage.objects.get(pk=lesson.pk).printed_downloads() == []
    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert module.printed_downloads() == []


# The HTTP helpers


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-3", ByteRange(0, 3, 1000)),
        ("bytes=10-", ByteRange(10, 999, 1000)),
        ("bytes=-100", ByteRange(900, 999, 1000)),
        ("bytes=-5000", ByteRange(0, 999, 1000)),  # longer than the file: all of it
        ("bytes=990-5000", ByteRange(990, 999, 1000)),  # past the end: up to the end
        ("Bytes = 5-9 ", ByteRange(5, 9, 1000)),
        ("bytes=5-9,", ByteRange(5, 9, 1000)),  # an empty list element is nothing
        (None, None),
        ("", None),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("bytes=5-2", None),
        ("bytes=-", None),
        ("bytes=abc", None),
        ("bytes=០-៣", None),  # Khmer digits are not HTTP's
        ("items=0-3", None),
        ("bytes 0-3", None),
    ],
)
def test_a_range_header_is_read_as_one_byte_range_or_the_whole_file(header, expected):
    assert byte_range_parse(header, size=1000) == expected


@pytest.mark.parametrize(
    ("header", "size"),
    [("bytes=1000-", 1000), ("bytes=1000-1200", 1000), ("bytes=-0", 1000), ("bytes=0-", 0)],
)
def test_a_range_beyond_the_file_cannot_be_satisfied(header, size):
    with pytest.raises(RangeNotSatisfiable):
        byte_range_parse(header, size=size)


def test_a_byte_range_knows_its_length_and_content_range():
    byte_range = ByteRange(start=100, end=199, size=1000)
    assert byte_range.length == 100
    assert byte_range.content_range == "bytes 100-199/1000"


@pytest.mark.parametrize(
    ("if_range", "allowed"),
    [
        (None, True),
        ('"abc"', True),
        ('"other"', False),
        ('W/"abc"', False),  # weak tags never match a range request
        (http_date(1_700_000_000), True),
        (http_date(1_700_000_001), False),
        ("not a date", False),
    ],
)
def test_if_range_lets_a_part_through_only_for_the_same_file(if_range, allowed):
    assert if_range_allows_range(if_range, etag='"abc"', last_modified=1_700_000_000) is allowed


def test_a_head_request_never_gets_a_range():
    factory = RequestFactory()
    arguments = {"size": 1000, "etag": '"abc"', "last_modified": 0}
    get = factory.get("/", headers={"Range": "bytes=0-3"})
    head = factory.head("/", headers={"Range": "bytes=0-3"})
    assert byte_range_for_request(get, **arguments) == ByteRange(0, 3, 1000)
    assert byte_range_for_request(head, **arguments) is None


def test_the_attachment_header_keeps_khmer_and_a_safe_ascii_fallback():
    header = attachment_disposition(unicode_name='ក ខ "/.pdf', ascii_name='a"b\\c\nd.pdf')
    assert header == (
        "attachment; filename=\"abcd.pdf\"; filename*=UTF-8''%E1%9E%80%20%E1%9E%81%20%22%2F.pdf"
    )


def test_file_chunks_read_the_part_asked_and_close_the_file():
    file = io.BytesIO(bytes(range(256)) * 1000)
    chunks = list(file_chunks(file, start=10, length=200_000))
    assert b"".join(chunks) == (bytes(range(256)) * 1000)[10:200_010]
    assert all(len(chunk) <= 64 * 1024 for chunk in chunks)
    assert file.closed


def test_a_download_given_up_closes_the_file():
    file = io.BytesIO(b"x" * 200_000)
    chunks = file_chunks(file, start=0, length=200_000)
    next(chunks)
    chunks.close()
    assert file.closed


@pytest.mark.parametrize("variant", ["lesson-plan", "pack", "offline-pack"])
def test_files_with_quiz_answers_ask_a_reader_to_log_in(client, curriculum_tree, variant):
    page = curriculum_tree["module" if "pack" in variant else "lesson"]
    response = client.get(download_url(page, variant))
    assert response.status_code == 302
    assert response["Location"].startswith("/km/accounts/login/?next=")
    assert not PrintedFile.objects.exists()


def test_files_with_quiz_answers_are_refused_to_those_who_are_not_facilitators(
    client, curriculum_tree
):
    user = UserFactory()
    client.force_login(user)
    assert client.get(download_url(curriculum_tree["lesson"], "lesson-plan")).status_code == 403


@renders
def test_a_club_leader_downloads_a_lesson_plan_kept_privately(client, curriculum_tree):
    client.force_login(UserFactory(role="Club leaders"))
    response = client.get(download_url(curriculum_tree["short_lesson"], "lesson-plan"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=3600"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
