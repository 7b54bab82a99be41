"""What pages are made of besides Wagtail's Page: being printed, and Khmer search text.

The page models import these; they import no page model back, nor the printing pipeline
or the search above the models (see docs/decisions.md, "The curriculum in layers").
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from curriculum.documents import pdf_preview_response
from curriculum.khmer import khmer_index_text
from curriculum.print_variants import (
    EXTENSIONS,
    FACILITATOR_VARIANTS,
    PREVIEW_LABELS,
    PrintVariant,
    content_type_for,
)

from .printing import PrintedFile


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
