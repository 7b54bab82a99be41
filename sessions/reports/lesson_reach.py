"""Lesson reach counted outside training sessions, registered by the apps that count it.

`sessions` may not import the apps built on it (the import contracts), yet a lesson also
reaches people through them: the advice log, for one, records the lessons whose handouts
went with the advice. Such an app registers a source here in its `AppConfig.ready()`; the
programme report shows each source as a column of its own beside the sessions, never
added into them. A source takes the report's viewer and filters, applies the viewer's
province scoping itself, and answers {lesson id: count} in one GROUP BY query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

from sessions.scoping import AnyUser

if TYPE_CHECKING:
    from .selectors import ReportFilters


@dataclass(frozen=True)
class LessonReachSource:
    """One column of the lessons' table: its key, its heading, and how to count it."""

    key: str
    label: str | Promise
    counts: Callable[[AnyUser, ReportFilters], dict[int, int]]


_sources: dict[str, LessonReachSource] = {}


def register_lesson_reach_source(source: LessonReachSource) -> None:
    """Add a column (registering the same key again replaces it, so reloads stay single)."""
    _sources[source.key] = source


def lesson_reach_sources() -> list[LessonReachSource]:
    return list(_sources.values())
