"""The advisers' phone forms: a conversation (with its referral), a service's answer, a follow-up.

What a form offers is the adviser's own (their communes, their club's sessions), so a
tampered form cannot log elsewhere. The rules are the models' (`clean()`, and the
referral's consents by `Referral.consent_errors`, the trainings' rule); the form only maps
them onto the boxes the phone shows.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from communes.forms import DATE_WIDGET, PhoneFormMixin
from communes.scoping import focal_point_communes
from curriculum.models import HelpEntry, LessonPage
from sessions.models.choices import MINOR_AGE_BANDS
from sessions.scoping import club_for_user

from .choices import AdviceChannel, ReferralStatus, Topic, Urgency
from .models import AdviceRecord, FollowUp, Referral
from .scoping import adviser_communes, adviser_training_sessions
from .services import referral_consents_fill

#: The consents' date fields, and the box of the form that records each.
CONSENT_BOXES = {
    "consent_given_on": "refer_consent",
    "assent_given_on": "refer_assent",
    "guardian_consent_on": "refer_guardian_consent",
}


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, commune):
        return commune.name


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, session):
        return f"{session.date:%Y-%m-%d} · {session.group}"


class AdviceRecordForm(PhoneFormMixin, forms.ModelForm):
    topics = forms.MultipleChoiceField(
        label=_("What about"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    handouts = forms.ModelMultipleChoiceField(
        label=_("Handouts given"),
        queryset=LessonPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    refer = forms.BooleanField(label=_("Referred to a service"), required=False)
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=HelpEntry.objects.none(), required=False
    )
    urgency = forms.ChoiceField(
        label=_("How urgent"), choices=Urgency.choices, widget=forms.RadioSelect, required=False
    )
    refer_consent = forms.BooleanField(
        label=_("The person agreed to be referred, and to their details being passed on"),
        required=False,
    )
    refer_assent = forms.BooleanField(
        label=_("Under 18: the young person agreed themselves (assent)"), required=False
    )
    refer_guardian_consent = forms.BooleanField(
        label=_("Under 18: a parent or guardian agreed"), required=False
    )

    class Meta:
        model = AdviceRecord
        fields = [
            "date",
            "channel",
            "training_session",
            "commune",
            "sex",
            "age_band",
            "advice_given",
            "contact_consent",
            "name",
            "phone",
        ]
        widgets = {
            "date": DATE_WIDGET,
            "channel": forms.RadioSelect,
            "sex": forms.RadioSelect,
            "age_band": forms.RadioSelect,
            "advice_given": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        locale = Locale.get_active()
        communes = adviser_communes(user).order_by("name_km")
        self.fields["commune"] = CommuneChoiceField(label=_("commune"), queryset=communes)
        # The adviser's own commune first: their club's, or their first as a focal point.
        club = club_for_user(user)
        own = club.commune if club is not None else focal_point_communes(user).first()
        if own is not None:
            self.fields["commune"].initial = own.pk
        self.fields["training_session"] = SessionChoiceField(
            label=_("training session"),
            queryset=adviser_training_sessions(user).select_related("group"),
            required=False,
        )
        if not self.fields["training_session"].queryset.exists():
            # No club, no session: advice is given in person or by phone.
            del self.fields["training_session"]
            self.fields["channel"].choices = [
                (value, label)
                for value, label in self.fields["channel"].choices
                if value != AdviceChannel.TRAINING
            ]
        self.fields["handouts"].queryset = (
            LessonPage.objects.live().filter(locale=locale).order_by("title")
        )
        self.fields["service"].queryset = HelpEntry.objects.serving(locale=locale)
        self.fields["date"].initial = timezone.localdate
        self._set_messages()

    @property
    def consent_boxes(self) -> list:
        return [self[name] for name in CONSENT_BOXES.values()]

    def clean(self):
        cleaned = super().clean()
        self.referral = None
        if not cleaned.get("refer"):
            return cleaned
        if not cleaned.get("service"):
            self.add_error("service", _("Choose the service the person was referred to."))
        if not cleaned.get("urgency"):
            self.add_error("urgency", _("Say how urgent the referral is."))
        if self.errors:
            return cleaned
        referral = Referral(service=cleaned["service"], urgency=cleaned["urgency"])
        referral_consents_fill(
            referral=referral,
            user=self.user,
            on=cleaned.get("date") or timezone.localdate(),
            consent=cleaned.get("refer_consent", False),
            assent=cleaned.get("refer_assent", False),
            guardian_consent=cleaned.get("refer_guardian_consent", False),
        )
        minor = cleaned.get("age_band", "") in MINOR_AGE_BANDS
        for field, message in referral.consent_errors(minor=minor).items():
            self.add_error(CONSENT_BOXES[field], message)
        self.referral = referral
        return cleaned


class ReferralAnswerForm(PhoneFormMixin, forms.Form):
    """The service's answer, as the adviser heard it."""

    status = forms.ChoiceField(
        label=_("The service's answer"), choices=ReferralStatus.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_messages()


class FollowUpForm(PhoneFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["advice_helped", "migrated", "migration_channel", "note"]
        widgets = {
            "advice_helped": forms.RadioSelect,
            "migrated": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_messages()
