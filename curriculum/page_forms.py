"""The page editor's forms: readable slugs, errors where the editor sees them, and pickers
of translatable snippets that offer only the page's own language.

Topics and audiences exist once per language; a picker listing both let an English lesson
read "For យុវជន". Limiting the field's queryset also refuses, as an invalid choice, a snippet
of another language posted by a stale or tampered form.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page, TranslatableMixin

from curriculum.slugs import (
    readable_slug,
    shorten_slug,
    unique_child_slug,
    validate_readable_slug,
)


class ReadableSlugInput(SlugInput):
    """Wagtail's slug input, driven by our `smh-slug` controller instead of `w-slug`."""

    def __init__(self, attrs=None, **kwargs):
        super().__init__(
            {
                **(attrs or {}),
                "data-controller": "smh-slug",
                "data-action": (
                    "blur->smh-slug#slugify w-sync:check->smh-slug#compare "
                    "w-sync:apply->smh-slug#urlify:prevent"
                ),
            },
            **kwargs,
        )

    class Media:
        js = ["curriculum/js/readable-slug.js"]


def _use_readable_slug(field: forms.Field) -> None:
    """Let `field` accept Khmer slugs whole, typed with the `smh-slug` controller."""
    field.validators = [validate_readable_slug]
    attrs = {
        name: value
        for name, value in field.widget.attrs.items()
        if not name.startswith(("data-w-slug", "data-controller", "data-action"))
    }
    field.widget = ReadableSlugInput(attrs=attrs)


def _panel_field_names(panels) -> set[str]:
    names = set()
    for panel in panels:
        if getattr(panel, "field_name", None):
            names.add(panel.field_name)
        names |= _panel_field_names(getattr(panel, "children", ()))
    return names


class ReadableSlugPageForm(WagtailAdminPageForm):
    """Every page's editor form: a readable slug, made unique when the editor didn't choose it,
    and any error of another tab (Promote, Settings) named in the summary at the top.

    Wagtail checks that the slug is free among the page's siblings and puts its error under
    the slug, on the Promote tab. An autosaved draft left by an abandoned form holds the slug
    its title gives, so the next lesson of the same title met that error on a tab the editor
    had never opened. A slug the editor did not type (empty, or the one the title gives) is
    now made free (`-2`, `-3`…); one they typed and that is taken stays an error, listed at
    the top with its field's name because a non-field error makes Wagtail list them all.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            _use_readable_slug(self.fields["slug"])

    def clean_slug(self):
        # The editor's JavaScript caps a typed slug too; this is the same cap without it.
        return shorten_slug(self.cleaned_data["slug"])

    def clean(self):
        title, slug = self.cleaned_data.get("title"), self.cleaned_data.get("slug")
        if title and self.parent_page is not None and slug in ("", None, readable_slug(title)):
            base = readable_slug(title)
            if base:
                self.cleaned_data["slug"] = unique_child_slug(
                    parent=self.parent_page, base=base, page=self.instance
                )
        cleaned_data = super().clean()
        if self._errors_on_other_tabs() and not self.non_field_errors():
            self.add_error(
                None, _("Some fields on another tab need a correction; they are listed here.")
            )
        return cleaned_data

    def _errors_on_other_tabs(self) -> bool:
        """Whether a field outside the first tab (Content), where the editor works, has an error."""
        _content_tab, *other_tabs = type(self.instance).get_edit_handler().children
        return any(name in _panel_field_names(other_tabs) for name in self.errors)


class ReadableSlugCopyForm(CopyForm):
    """Wagtail's copy form, accepting and typing readable slugs as the editor form does."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_readable_slug(self.fields["new_slug"])


class SameLocaleSnippetsPageForm(ReadableSlugPageForm):
    """The form of pages that pick topics and audiences: only those of the page's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if (
                queryset is not None
                and issubclass(queryset.model, TranslatableMixin)
                and not issubclass(queryset.model, Page)
            ):
                field.queryset = queryset.filter(locale_id=locale_id)
