"""Offering an editor the page they started and left, when they start another of the same kind.

Wagtail 7.4's autosave creates the page at the first valid save of a new form, so a form an
editor abandons leaves a draft. Rather than delete it on a guess (it is their work), the
"add" page lists it with a link to continue it.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from curriculum.selectors import unfinished_drafts

SHOWN = 3


def offer_unfinished_drafts(request, parent_page, page_class):
    """For the `before_create_page` hook: a message with the editor's unfinished drafts here."""
    if request.method != "GET":
        return None
    drafts = unfinished_drafts(user=request.user, parent=parent_page, page_class=page_class)
    for draft in drafts[:SHOWN]:
        messages.info(
            request,
            _("You started “%(title)s” here and did not finish it.")
            % {"title": draft.get_admin_display_title()},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[draft.pk]), _("Continue it")
                )
            ],
        )
    return None
