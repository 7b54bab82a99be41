"""The list at the top of the club's report form: each error, linked to the field it is about.

The form is long on a phone: a summary that only says "there are errors" leaves the leader
to scroll for them, so each entry links to the field (or the part of the form) in error.
"""

from dataclasses import dataclass

from django import forms
from django.forms.utils import ErrorList
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ErrorLink:
    """One error: the id of the element it links to, what is in error, and the message."""

    anchor: str
    label: str
    message: str


def form_error_links(form: forms.Form, *, label_prefix: str = "", part_anchor: str) -> list:
    """`form`'s errors, each field's linked to its input, the form's own to `part_anchor`."""
    links = []
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            anchor, label = part_anchor, label_prefix.rstrip(": ")
        else:
            bound_field = form[name]
            anchor, label = bound_field.auto_id, f"{label_prefix}{bound_field.label}"
        links.extend(ErrorLink(anchor, label, message) for message in ErrorList(messages))
    return links


def session_form_error_links(
    *, form, roll_form, newcomer_formset, headcount_form, headcount_mode: bool
) -> list[ErrorLink]:
    """The errors of the parts of the report that were checked, in the order of the page."""
    links = [
        link
        for link in form_error_links(form, part_anchor="session-errors")
        # The form's own errors are written in the summary itself.
        if link.anchor != "session-errors"
    ]
    if headcount_mode:
        return links + form_error_links(headcount_form, part_anchor="headcount-heading")
    links += form_error_links(roll_form, label_prefix="", part_anchor="roll-heading")
    links += [
        ErrorLink("newcomers", _("Newcomers"), message)
        for message in newcomer_formset.non_form_errors()
    ]
    for number, newcomer in enumerate(newcomer_formset, start=1):
        links += form_error_links(
            newcomer,
            label_prefix=_("Newcomer %(number)s: ") % {"number": number},
            part_anchor=newcomer.prefix,
        )
    return links
