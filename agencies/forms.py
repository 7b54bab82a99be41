"""The public check's one field: a name or a licence number, as a reader types it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .normalising import MAX_QUERY_CHARACTERS, licence_key, name_key


class AgencyCheckForm(forms.Form):
    q = forms.CharField(
        label=_("Agency name or licence number"),
        max_length=MAX_QUERY_CHARACTERS,
        error_messages={
            "required": _("Type the agency's name or its licence number."),
            "max_length": _(
                "That is too long for a name or a licence number (at most %(limit_value)d "
                "characters)."
            ),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if not name_key(query) and not licence_key(query):
            raise ValidationError(
                _("Type letters or digits: the agency's name or its licence number."),
                code="no_letters",
            )
        return query
