"""HTTP helpers for serving stored files: byte ranges, If-Range and the attachment header.

Small pure functions, so the rules of RFC 9110 (sections 13.1.5 and 14) are tested on their own.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import quote

from django.utils.http import parse_http_date_safe

# ASCII digits only: Python's int() also reads Khmer and other digits, which HTTP does not allow.
RANGE_SPEC = re.compile(r"([0-9]*)-([0-9]*)")
CHUNK_SIZE = 64 * 1024


class RangeNotSatisfiable(Exception):
    """The Range header is well formed, but none of it lies within the file."""


@dataclass(frozen=True)
class ByteRange:
    """The inclusive byte range `start`-`end` of a file of `size` bytes."""

    start: int
    end: int
    size: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    @property
    def content_range(self) -> str:
        return f"bytes {self.start}-{self.end}/{self.size}"


def byte_range_parse(header: str | None, *, size: int) -> ByteRange | None:
    """The single byte range a Range header asks of a file of `size` bytes.

    None means "send the whole file": no header, another unit, a malformed header, or several
    ranges (RFC 9110 lets a server ignore Range, and one range is all a resumed download
    needs, so multipart responses are not worth their weight). Raises RangeNotSatisfiable
    for a valid range that starts beyond the end of the file.
    """
    if not header:
        return None
    unit, equals, range_set = header.partition("=")
    if not equals or unit.strip().lower() != "bytes":
        return None
    # Empty list elements are allowed by the list syntax and carry nothing.
    specs = [spec.strip() for spec in range_set.split(",") if spec.strip()]
    if len(specs) != 1:
        return None
    match = RANGE_SPEC.fullmatch(specs[0])
    if match is None:
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        if last and int(last) < start:
            return None  # "bytes=5-2" is invalid, and an invalid Range is ignored
        if start >= size:
            raise RangeNotSatisfiable(f"range starts at {start} of {size} bytes")
        end = min(int(last), size - 1) if last else size - 1
        return ByteRange(start=start, end=end, size=size)
    if not last:
        return None  # "bytes=-"
    suffix_length = int(last)
    if suffix_length == 0 or size == 0:
        raise RangeNotSatisfiable(f"the last {suffix_length} of {size} bytes")
    # A suffix longer than the file is the whole file.
    return ByteRange(start=max(size - suffix_length, 0), end=size - 1, size=size)


def if_range_allows_range(if_range: str | None, *, etag: str, last_modified: int) -> bool:
    """Whether a range may be sent, given the request's If-Range header (or None).

    If-Range says "send me the part only if the file is still the one I have part of": an
    entity tag must match ours by strong comparison (so a weak tag never does), a date must
    equal our Last-Modified. Otherwise the whole file is sent.
    """
    if if_range is None:
        return True
    if_range = if_range.strip()
    if if_range.startswith(('"', "W/")):
        return if_range == etag
    return parse_http_date_safe(if_range) == last_modified


def byte_range_for_request(
    request, *, size: int, etag: str, last_modified: int
) -> ByteRange | None:
    """The byte range a GET request asks for and may have, or None for the whole file.

    Range only applies to GET (RFC 9110 section 14.2): a HEAD describes the whole file.
    """
    if request.method != "GET":
        return None
    header = request.headers.get("Range")
    if not header:
        return None
    if not if_range_allows_range(
        request.headers.get("If-Range"), etag=etag, last_modified=last_modified
    ):
        return None
    return byte_range_parse(header, size=size)


def attachment_disposition(*, unicode_name: str, ascii_name: str) -> str:
    """A Content-Disposition header that saves the file under its name, Khmer included.

    Browsers read `filename*` (RFC 6266, UTF-8 percent-encoded); `filename` is the fallback
    for older ones, kept to printable ASCII without quotes or backslashes.
    """
    fallback = "".join(
        character
        for character in ascii_name
        if " " <= character <= "~" and character not in {'"', "\\"}
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(unicode_name, safe='')}"


def file_chunks(file: BinaryIO, *, start: int, length: int) -> Iterator[bytes]:
    """`length` bytes of an open file from `start`, in chunks, closing the file at the end.

    A generator, so a large pack is never held in memory; closing it early (the reader gave
    up) closes the file too.
    """
    try:
        file.seek(start)
        remaining = length
        while remaining > 0:
            chunk = file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break  # the file is shorter than its record says: stop rather than loop
            remaining -= len(chunk)
            yield chunk
    finally:
        file.close()
