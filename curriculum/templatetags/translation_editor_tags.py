"""The translation editor's settings (wagtail-localize's React props), adjusted for a translator."""

import json

from django import template

register = template.Library()


@register.filter
def without_delete_for_translators(props: str, may_publish: bool) -> str:
    """The props without "Delete" for someone who cannot publish the page.

    wagtail-localize makes the first action it offers the footer's primary button. For an
    editor, who has no "Publish", that is "Delete": one click throws the translation away
    where they look for how to finish it (they submit it above, for moderation). A draft
    translation can still be deleted from the page explorer, as any page.
    """
    if may_publish:
        return props
    settings = json.loads(props)
    settings.get("perms", {})["canDelete"] = False
    return json.dumps(settings)
