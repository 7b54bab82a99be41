"""The club leaders' forms for reporting a session: the session, the roll, newcomers, headcount."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from curriculum.models import LessonPage
from geography.models import Commune

from ..models import (
    CONSENTS,
    AgeBand,
    Participant,
    PeerEducator,
    Sex,
    TrainingSession,
    YouthGroup,
)


class SessionForm(forms.ModelForm):
    """When, where, what was taught and by whom; the model's own `clean()` checks the date."""

    lessons_taught = forms.ModelMultipleChoiceField(
        label=_("Lessons taught"),
        queryset=LessonPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = TrainingSession
        fields = [
            "date",
            "start_time",
            "duration_minutes",
            "commune",
            "lessons_taught",
            "facilitators",
            "audience",
            "notes",
            "attendance_mode",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "duration_minutes": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "facilitators": forms.CheckboxSelectMultiple,
            "attendance_mode": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, club: YouthGroup, reporter: PeerEducator | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Commune.objects.filter(
            district_id=club.commune.district_id
        ).ordered_by_name()
        self.fields["commune"].empty_label = None
        self.fields["facilitators"].queryset = club.peer_educators.all()
        self.fields["facilitators"].help_text = ""
        self.fields["lessons_taught"].queryset = (
            LessonPage.objects.live().filter(locale__language_code=get_language()).order_by("path")
        )
        self.fields["attendance_mode"].choices = TrainingSession.AttendanceMode.choices
        if self.instance.pk:
            self.initial["lessons_taught"] = [
                session_lesson.lesson_id for session_lesson in self.instance.session_lessons.all()
            ]
        else:
            # The instance's empty values are in `initial` already: replace them.
            self.initial["commune"] = self.initial.get("commune") or club.commune_id
            self.initial["date"] = self.initial.get("date") or timezone.localdate()
            # The leader who reports usually led the session: ticked, one tap less.
            if reporter is not None and reporter.group_id == club.pk:
                self.initial["facilitators"] = [reporter.pk]


class RollForm(forms.Form):
    """The club's roster, everyone ticked as present: the leader unticks the absent."""

    present = forms.ModelMultipleChoiceField(
        label=_("Who came"),
        queryset=Participant.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, members, present=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members
        self.fields["present"].label_from_instance = lambda participant: participant.name
        self.initial["present"] = (
            present if present is not None else [member.pk for member in members]
        )


class NewcomerForm(forms.Form):
    """One newcomer on one line: they become a participant and join the club's roster."""

    name = forms.CharField(label=_("Name"), max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices])
    year_of_birth = forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    age_band = forms.ChoiceField(
        label=_("or age band"), choices=[("", "—"), *AgeBand.choices], required=False
    )
    # Each tick says what the leader asks the person for; a missing one's message names the tick.
    consent = forms.BooleanField(
        label=_("18 or over: they agreed to take part (consent)"), required=False
    )
    assent = forms.BooleanField(
        label=_("Under 18: they agreed themselves (own assent)"), required=False
    )
    guardian_consent = forms.BooleanField(
        label=_("Under 18: a parent or guardian agreed (guardian's consent)"), required=False
    )

    #: The participant's fields whose errors show next to this form's fields (a consent's
    #: tick is named as the consent).
    ERROR_FIELDS = {
        "name": "name",
        "sex": "sex",
        "year_of_birth": "year_of_birth",
        "age_band": "age_band",
        **{consent.date_field: consent.name for consent in CONSENTS},
    }

    def __init__(self, *args, collector: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.collector = collector
        self.participant = None

    def consent_missing_message(self, tick: str) -> str:
        return gettext(
            "Ask for this and tick it: “%(tick)s”. Without it they cannot be recorded."
        ) % {"tick": self.fields[tick].label}

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        today = timezone.localdate()
        participant = Participant(
            name=cleaned_data["name"].strip(),
            sex=cleaned_data["sex"],
            year_of_birth=cleaned_data.get("year_of_birth"),
            age_band=cleaned_data.get("age_band") or "",
        )
        # Consent is recorded today, by the leader who reports the session.
        minor = participant.is_minor_on(today)
        for consent in CONSENTS:
            # A minor's consent is their assent and their guardian's: a plain tick is not asked.
            if cleaned_data.get(consent.name) and (consent.for_minors or not minor):
                setattr(participant, consent.date_field, today)
                setattr(participant, consent.collector_field, self.collector)
        try:
            participant.full_clean()
        except ValidationError as error:
            consent_ticks = {consent.date_field: consent.name for consent in CONSENTS}
            for field, messages in error.message_dict.items():
                if field in consent_ticks:
                    # The model asks for a date and a collector, which this form records
                    # itself: the leader is asked for what they can give, the tick.
                    messages = [self.consent_missing_message(consent_ticks[field])]
                self.add_error(self.ERROR_FIELDS.get(field), messages)
            return cleaned_data
        self.participant = participant
        return cleaned_data


#: One empty line to start; "Add another newcomer" asks the server for one more (no script needed).
NEWCOMERS_MOST = 50
NewcomerFormSet = forms.formset_factory(
    NewcomerForm, extra=1, max_num=NEWCOMERS_MOST, validate_max=True
)


def newcomer_line_added(data: QueryDict, *, prefix: str) -> QueryDict:
    """`data` as posted, with the newcomers' formset one line longer (up to the most allowed).

    A tampered or missing count starts again from one line rather than failing.
    """
    data = data.copy()
    key = f"{prefix}-{TOTAL_FORM_COUNT}"
    try:
        lines = max(int(data.get(key, "1")), 0)
    except ValueError:
        lines = 0
    data[key] = str(min(lines + 1, NEWCOMERS_MOST))
    data.setdefault(f"{prefix}-{INITIAL_FORM_COUNT}", "0")
    return data


class HeadcountForm(forms.Form):
    """How many came, by sex and age band, where names were not taken."""

    def __init__(self, *args, counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        counts = counts or {}
        self.rows = []
        for age_band, age_band_label in AgeBand.choices:
            row = {"label": age_band_label, "fields": []}
            for sex, sex_label in Sex.choices:
                name = self.field_name(sex, age_band)
                self.fields[name] = forms.IntegerField(
                    label=f"{sex_label}, {age_band_label}",
                    min_value=0,
                    max_value=1000,
                    required=False,
                    initial=counts.get((sex, age_band), 0),
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
                )
                row["fields"].append(name)
            self.rows.append(row)

    @staticmethod
    def field_name(sex: str, age_band: str) -> str:
        return f"count_{sex}_{age_band.replace('-', '_').replace('+', '_plus')}"

    @property
    def sex_labels(self):
        return [label for __, label in Sex.choices]

    def bound_rows(self):
        return [
            {"label": row["label"], "fields": [self[name] for name in row["fields"]]}
            for row in self.rows
        ]

    def counts(self) -> dict[tuple[str, str], int]:
        """The counts above zero, by (sex, age band)."""
        return {
            (sex, age_band): self.cleaned_data.get(self.field_name(sex, age_band)) or 0
            for sex, __ in Sex.choices
            for age_band, __ in AgeBand.choices
            if self.cleaned_data.get(self.field_name(sex, age_band))
        }


class SessionPlanForm(forms.Form):
    """A session the club will hold: the day, the place and the lessons, for its sign-in sheet."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"),
        min_value=1,
        max_value=1440,
        initial=60,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
    )
    commune = forms.ModelChoiceField(
        label=_("Commune where it will be held"), queryset=Commune.objects.none(), empty_label=None
    )
    lessons = forms.ModelMultipleChoiceField(
        label=_("Lessons to teach"),
        queryset=LessonPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, club: YouthGroup, **kwargs):
        super().__init__(*args, **kwargs)
        # The same choices as the report form: the club's district, the lessons live now.
        self.fields["commune"].queryset = Commune.objects.filter(
            district_id=club.commune.district_id
        ).ordered_by_name()
        self.fields["lessons"].queryset = (
            LessonPage.objects.live().filter(locale__language_code=get_language()).order_by("path")
        )
        self.initial.setdefault("commune", club.commune_id)
        self.initial.setdefault("date", timezone.localdate())
