"""Selectors: how far each page's translation into a language has got, computed in the database.

A page counts as translated into a language only when its translation there is a real page
(not an alias, which shows the source's text), live, complete (every text segment of its
wagtail-localize source has a translation without error) and not behind its source (the
source page was not published again since wagtail-localize last read it). A page translated
by hand, without wagtail-localize, has no segments and counts once its translation is live.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


def content_language_codes() -> list[str]:
    return [code for code, __ in settings.WAGTAIL_CONTENT_LANGUAGES]


def target_language(language_code: str | None):
    """The language a page's progress is measured in: the one asked for, or its first other."""
    if language_code:
        return Value(language_code, output_field=CharField())
    codes = content_language_codes()
    return Case(
        *[
            When(
                locale__language_code=code,
                then=Value(next(other for other in codes if other != code)),
            )
            for code in codes
        ],
        output_field=CharField(),
    )


def count_of(queryset, group_by: str):
    """A subquery counting `queryset`'s rows (one group: the outer row's)."""
    return Coalesce(
        Subquery(
            queryset.order_by().values(group_by).annotate(count=Count("pk")).values("count")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def pages_with_translation_progress(pages, *, language_code: str | None = None):
    """`pages` (aliases and the root aside), each with its translation's progress.

    Annotations: `target_language`, `translation_page_id` (None: not started),
    `translation_live`, `translation_in_moderation`, `segments_total`,
    `segments_translated`, `behind_source` and `translated` (the rule of the module).
    """
    translation_pages = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=OuterRef("target_language"),
        alias_of__isnull=True,
    )
    segments = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
    )
    translated_segments = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale__language_code=OuterRef(OuterRef("target_language")),
                has_error=False,
            )
        )
    )
    in_moderation = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("translation_page_id"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    synced_at = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    ).values("last_updated_at")[:1]
    return (
        pages.filter(depth__gt=1, alias_of__isnull=True)
        .annotate(target_language=target_language(language_code))
        .exclude(locale__language_code=F("target_language"))
        .annotate(
            translation_page_id=Subquery(translation_pages.values("pk")[:1]),
            translation_live=Exists(translation_pages.filter(live=True)),
            translation_in_moderation=Exists(in_moderation),
            segments_total=count_of(segments, "source_id"),
            segments_translated=count_of(translated_segments, "source_id"),
            source_synced_at=Subquery(synced_at),
        )
        .annotate(
            behind_source=Case(
                When(source_synced_at__lt=F("last_published_at"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .annotate(
            translated=Case(
                When(
                    Q(translation_live=True)
                    & Q(segments_translated__gte=F("segments_total"))
                    & Q(behind_source=False),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def pages_not_yet_translated(pages, *, language_code: str | None = None):
    """The pages whose translation (into the language, or their other one) is not done."""
    return pages_with_translation_progress(pages, language_code=language_code).filter(
        translated=False
    )
