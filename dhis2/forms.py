"""The DHIS2 export's form: whole months or quarters between two dates, one province or all."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from sessions.reports.selectors import MONTH, QUARTER
from sessions.scoping import provinces_for_user

#: The most periods one export covers: ten years of months.
MOST_PERIODS = 120


class Dhis2ExportForm(forms.Form):
    period_kind = forms.ChoiceField(
        label=_("by month or quarter"),
        choices=[(MONTH, _("by month")), (QUARTER, _("by quarter"))],
    )
    date_from = forms.DateField(
        label=_("from"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The whole month or quarter holding this day is sent."),
    )
    date_to = forms.DateField(label=_("to"), widget=forms.DateInput(attrs={"type": "date"}))
    province = forms.ModelChoiceField(
        label=_("province"),
        queryset=None,
        required=False,
        empty_label=_("All my provinces"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces_for_user(user).order_by("code")

    def clean(self):
        data = super().clean()
        first, last = data.get("date_from"), data.get("date_to")
        if first and last:
            if first > last:
                raise forms.ValidationError(_("The first date must be before the last."))
            if (last - first) > datetime.timedelta(days=31 * MOST_PERIODS):
                raise forms.ValidationError(_("Send ten years at most at a time."))
        return data
