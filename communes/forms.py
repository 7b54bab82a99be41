"""The focal points' phone forms: a departure, a return, a recruiter seen.

The choices a form offers are the focal point's own: villages of their communes only (the
commune is the village's), so a record of another commune cannot be made or moved there,
whatever a tampered form sends. The rules of a record are the model's `clean()`, shared
with the admin; this module only says what the phone shows and in which words.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, AgencyStatus, Country
from geography.models import Province, Village

from .choices import MovementKind
from .models import Movement, RecruitmentActivity
from .scoping import focal_point_communes, focal_point_movements

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT_WIDGET = forms.NumberInput(attrs={"inputmode": "numeric", "min": 0})


class DepartureChoiceField(forms.ModelChoiceField):
    """A departure by its code, day and village: what a focal point recognises."""

    def label_from_instance(self, departure):
        day = formats.date_format(departure.date, "SHORT_DATE_FORMAT")
        return f"{departure.person_code} · {day} · {departure.village.name}"


def departure_choices(movements):
    """The departures a return may end, newest first (the caller scopes `movements`)."""
    return (
        movements.filter(kind=MovementKind.DEPARTURE)
        .select_related("village")
        .order_by("-date", "-pk")
    )


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, village):
        return f"{village.name} · {village.commune.name}"


class ErrorsOnShownFieldsMixin:
    """A rule about a field the form does not show is told above the form, not lost.

    The model's `clean()` names the field a rule is about; a form that leaves that field
    out (the admin's, without the personal fields; a departure's, without the return's)
    would otherwise fail with a server error instead of a message.
    """

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            shown = {}
            for field, messages in errors.error_dict.items():
                key = field if field in self.fields else NON_FIELD_ERRORS
                shown.setdefault(key, []).extend(messages)
            errors = ValidationError(shown)
        super()._update_errors(errors)


class PhoneFormMixin(ErrorsOnShownFieldsMixin):
    """Messages in the focal point's words on every field, and the choices that are theirs."""

    def _set_messages(self):
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):
                # A dashed "no answer" button is noise on a phone: nothing ticked says it.
                field.choices = [choice for choice in field.choices if choice[0] != ""]
            field.error_messages["required"] = _("Fill in this field.")
            field.error_messages["invalid_choice"] = _("Choose one of the list.")
            if isinstance(field, forms.IntegerField):
                field.error_messages["invalid"] = _("Type a whole number, without dots or commas.")
                field.error_messages["min_value"] = _("Type 0 or more.")
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = _("Type a date, e.g. 2025-01-31.")

    def _limit_choices(self, user):
        villages = Village.objects.filter(commune__in=focal_point_communes(user))
        self.fields["village"] = VillageChoiceField(
            label=_("village"),
            queryset=villages.select_related("commune").order_by("commune__code", "name_km"),
            required=self.fields["village"].required,
        )
        self.fields["agency"].queryset = Agency.objects.exclude(
            status=AgencyStatus.NOT_LICENSED
        ).order_by("name_km", "name_en")

    def _post_clean(self):
        # The commune is the village's: set before the model's rules run.
        village = self.cleaned_data.get("village")
        if village is not None:
            self.instance.commune = village.commune
        super()._post_clean()


class MovementForm(PhoneFormMixin, forms.ModelForm):
    class Meta:
        model = Movement
        fields = [
            "date",
            "village",
            "sex",
            "age_band",
            "age",
            "destination_country",
            "destination_province",
            "sector",
            "channel",
            "agency",
            "currency",
            "fees_paid",
            "debt_taken",
            "has_passport",
            "passport_holder",
            "has_work_permit",
            "has_contract_they_read",
            "orientation_received",
            "return_reason",
            "help_wanted",
            "departure",
            "contact_consent",
            "name",
            "phone",
        ]
        widgets = {
            "date": DATE_WIDGET,
            "sex": forms.RadioSelect,
            "age_band": forms.RadioSelect,
            "age": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
            "channel": forms.RadioSelect,
            "currency": forms.RadioSelect,
            "fees_paid": AMOUNT_WIDGET,
            "debt_taken": AMOUNT_WIDGET,
            "has_passport": forms.RadioSelect,
            "has_work_permit": forms.RadioSelect,
            "has_contract_they_read": forms.RadioSelect,
            "orientation_received": forms.RadioSelect,
            "return_reason": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind == MovementKind.DEPARTURE:
            del self.fields["return_reason"]
            del self.fields["help_wanted"]
            del self.fields["departure"]
        else:
            # Their communes' departures; the model refuses one of another of their communes.
            self.fields["departure"] = DepartureChoiceField(
                label=self.fields["departure"].label,
                help_text=self.fields["departure"].help_text,
                queryset=departure_choices(focal_point_movements(user)),
                required=False,
            )
            self.fields["return_reason"].required = True
            self.fields["date"].label = _("date of return")
            self.fields["destination_country"].label = _("came back from (country)")
            self.fields["destination_province"].label = _("came back from (province)")
        self.fields["destination_country"].queryset = Country.objects.order_by("name_km")
        self.fields["destination_province"].queryset = Province.objects.order_by("code")
        self._limit_choices(user)
        self._set_messages()


class RecruitmentActivityForm(PhoneFormMixin, forms.ModelForm):
    class Meta:
        model = RecruitmentActivity
        fields = [
            "seen_on",
            "village",
            "recruiter_kind",
            "agency",
            "recruiter_description",
            "destination_country",
            "sector",
            "promised",
            "currency",
            "fees_asked",
            "licensed",
            "reported_to",
            "reported_on",
        ]
        widgets = {
            "seen_on": DATE_WIDGET,
            "reported_on": DATE_WIDGET,
            "recruiter_kind": forms.RadioSelect,
            "currency": forms.RadioSelect,
            "fees_asked": AMOUNT_WIDGET,
            "licensed": forms.RadioSelect,
            "promised": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination_country"].queryset = Country.objects.order_by("name_km")
        self._limit_choices(user)
        self._set_messages()
