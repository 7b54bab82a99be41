"""The page editor's form: pickers of translatable snippets offer only the page's own language.

Topics and audiences exist once per language; a picker listing both let an English lesson
read "For យុវជន". Limiting the field's queryset also refuses, as an invalid choice, a snippet
of another language posted by a stale or tampered form.
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin


class SameLocaleSnippetsPageForm(WagtailAdminPageForm):
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
