"""Filter forms of the public curriculum pages; they work without JavaScript (GET).

The pages give them their choices, so this module needs no curriculum model and the page
models can use it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from geography.models import Province

DURATION_CHOICES = [
    ("", _("Any length")),
    ("short", _("Up to 30 minutes")),
    ("medium", _("30 to 60 minutes")),
    ("long", _("More than 60 minutes")),
]
DURATION_RANGES = {"short": (None, 30), "medium": (31, 60), "long": (61, None)}


class LessonFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    duration = forms.ChoiceField(label=_("Length"), required=False, choices=DURATION_CHOICES)

    def __init__(self, *args, topics, audiences, **kwargs):
        """`topics` and `audiences`: the ones to offer (those of the page's language)."""
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in topics
        ]
        self.fields["audience"].choices = [("", _("Everyone"))] + [
            (audience.slug, audience.name) for audience in audiences
        ]

    def cleaned_filters(self) -> dict:
        data = self.cleaned_data
        filters = {}
        if data.get("topic"):
            filters["topic_slug"] = data["topic"]
        if data.get("audience"):
            filters["audience_slug"] = data["audience"]
        if data.get("duration"):
            filters["duration_range"] = DURATION_RANGES[data["duration"]]
        return filters


class ProvinceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, province):
        return province.name


class HelpFilterForm(forms.Form):
    province = ProvinceChoiceField(
        label=_("Province"),
        queryset=Province.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All provinces"),
    )
