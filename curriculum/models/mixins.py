"""What pages are made of besides Wagtail's Page: being printed, Khmer search text, and
readable slugs.

The page models import these; they import no page model back, nor the printing pipeline
or the search above the models (see docs/decisions.md, "The curriculum in layers").
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from curriculum.documents import pdf_preview_response
from curriculum.khmer import khmer_index_text
from curriculum.page_forms import ReadableSlugCopyForm, ReadableSlugPageForm
from curriculum.print_variants import (
    EXTENSIONS,
    FACILITATOR_VARIANTS,
    PREVIEW_LABELS,
    PrintVariant,
    content_type_for,
)
from curriculum.slugs import readable_slug, unique_child_slug, validate_readable_slug

from .printing import PrintedFile


class ReadableSlugPageMixin:
    """A page whose slug, when none is given, is its title's readable slug (`curriculum.slugs`),
    made unique among its siblings, and whose slug may hold Khmer whole.

    Wagtail fills an empty slug with Django's `slugify` (which drops Khmer vowel signs) and
    validates it with `validate_unicode_slug` (which refuses them); this does both with
    readable slugs, wherever a page is saved: the editor, a copy, a translation, the demo.
    Put it before `Page` among a page class's bases.
    """

    base_form_class = ReadableSlugPageForm
    copy_form_class = ReadableSlugCopyForm

    def _fill_readable_slug(self) -> None:
        # Like Wagtail, only once the page has its place in the tree (a path), since the
        # slug must be free among the siblings there.
        if not self.slug and self.path:
            base = readable_slug(self.title or "")
            if base:
                self.slug = unique_child_slug(parent=self.get_parent(), base=base, page=self)

    def full_clean(self, *args, **kwargs):
        self._fill_readable_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._fill_readable_slug()
        super().minimal_clean()

    def clean_fields(self, exclude=None):
        exclude = set(exclude or ())
        errors = {}
        try:
            super().clean_fields(exclude=exclude | {"slug"})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "slug" not in exclude:
            slug_field = self._meta.get_field("slug")
            # The field's own checks, with a readable slug's validator for Django's.
            validators = [validate_readable_slug, MaxLengthValidator(slug_field.max_length)]
            try:
                if not self.slug:
                    raise ValidationError(slug_field.error_messages["blank"], code="blank")
                for validator in validators:
                    validator(self.slug)
            except ValidationError as error:
                errors.setdefault("slug", []).extend(error.error_list)
        if errors:
            raise ValidationError(errors)


class PrintedPageMixin:
    """A page printed as the variants it names in `print_variants`.

    The editor previews the variants that are one PDF from the preview menu (rendered from
    the unsaved page, never stored); readers download the stored files of the page as
    published (`curriculum.printing`), made from what `printed_content_key` names.
    """

    print_variants: tuple[PrintVariant, ...] = ()

    @property
    def preview_modes(self):
        return [("", _("Web page"))] + [
            (str(variant), PREVIEW_LABELS[variant])
            for variant in self.print_variants
            if variant in PREVIEW_LABELS
        ]

    def serve_preview(self, request, mode_name):
        if mode_name in PREVIEW_LABELS and mode_name in self.print_variants:
            return pdf_preview_response(page=self, variant=mode_name)
        return super().serve_preview(request, mode_name)

    def printed_content_key(self) -> str:
        """What a printed file of the page is made from, as a short key: its live revision."""
        return f"r{self.live_revision_id}"

    def printed_downloads(self) -> list[dict]:
        """The printed files a reader can download from the page, in order.

        Each is a dict of `variant`, `label`, `format` ("PDF", "ZIP"), `content_type`, `url`
        and `size` in bytes, or None where the file is not made yet: the download makes it,
        never the page. One query finds every variant's stored file. A page that is not
        published, or is private, has none: the download view serves live public pages only.
        """
        if not self.print_variants or not self.live or self.live_revision_id is None:
            return []
        if self.get_view_restrictions().exists():
            return []
        # Files made from the page as published now; the newest wins if a lost one was remade.
        sizes = dict(
            PrintedFile.objects.filter(
                page=self, variant__in=self.print_variants, content_key=self.printed_content_key()
            )
            .order_by("pk")
            .values_list("variant", "size")
        )
        return [
            {
                "variant": str(variant),
                "label": PrintVariant(variant).label,
                "format": EXTENSIONS[variant].upper(),
                "content_type": content_type_for(variant),
                "url": reverse(
                    "printed_file_download", kwargs={"page_id": self.pk, "variant": str(variant)}
                ),
                "size": sizes.get(variant),
                "facilitator_only": variant in FACILITATOR_VARIANTS,
            }
            for variant in self.print_variants
        ]


class KhmerSearchTextMixin:
    """A page whose Khmer is searchable: list `index.SearchField("khmer_search_text")` in
    its `search_fields`, and name the fields read in `khmer_search_fields` (or override
    `khmer_search_parts` for text that is not a field)."""

    khmer_search_fields: tuple[str, ...] = ("title",)

    def khmer_search_parts(self) -> list:
        return [getattr(self, name) for name in self.khmer_search_fields]

    def khmer_search_text(self) -> str:
        return khmer_index_text(*self.khmer_search_parts())
