"""Chooser pop-ups for places, groups, educators and participants, held to the user's provinces.

A select of every commune, club or participant would be megabytes of options once a
programme has run a few years; a chooser shows the chosen one and searches the rest
a page at a time. Every view of it, the "chosen" one included (an id typed by hand),
reaches only what `sessions.scoping` gives the user.
"""

from functools import reduce
from operator import or_

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from geography.models import Commune

from ..access_log import RecordsParticipantListAccessMixin
from ..models import CONSENT_FIELDS, Participant, PeerEducator, YouthGroup
from ..scoping import (
    communes_for_user,
    participants_for_user,
    peer_educators_for_user,
    youth_groups_for_user,
)


class TextSearchFilterForm(BaseFilterForm):
    """A search box matching words in a few fields (these models are not search-indexed)."""

    search_fields: tuple[str, ...] = ()

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        for word in query.split():
            objects = objects.filter(
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.search_fields))
            )
        return objects


def commune_with_its_district(commune: Commune) -> str:
    """Communes of different districts share names: the chosen one says where it is."""
    district = commune.district
    return f"{commune} ({district}, {district.province})"


class PlaceAwareChooser(BaseChooser):
    """A chooser widget whose chosen title comes from the viewset's `display_title`."""

    display_title = staticmethod(str)

    def get_display_title(self, instance):
        return self.display_title(instance)


class ScopedChooserViewMixin:
    """Attributes the viewset hands to each view: how to scope, and what to join."""

    scoped_queryset = None
    select_related_fields: tuple[str, ...] = ()
    #: (accessor, label) of columns shown beside the title, to tell alike names apart.
    extra_columns: tuple[tuple[str, str], ...] = ()

    @property
    def columns(self):
        extra = [
            Column(accessor, label=label, accessor=accessor)
            for accessor, label in self.extra_columns
        ]
        return [*super().columns, *extra]

    def get_object_list(self):
        return self.scoped_queryset(self.request.user).select_related(*self.select_related_fields)

    def can_create(self):
        return False  # objects are created in their own screens, with their own checks


class ScopedChooseView(ScopedChooserViewMixin, chooser_views.ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooserViewMixin, chooser_views.ChooseResultsView):
    pass


class ScopedChosenView(ScopedChooserViewMixin, chooser_views.ChosenView):
    display_title = staticmethod(str)

    def get_display_title(self, instance):
        return self.display_title(instance)

    def get_object(self, pk):
        # DoesNotExist (so a 404) for an object outside the user's provinces.
        return self.scoped_queryset(self.request.user).get(pk=pk)


class ScopedChosenMultipleView(ScopedChooserViewMixin, chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return self.scoped_queryset(self.request.user).filter(pk__in=pks)


class ScopedCreateView(ScopedChooserViewMixin, chooser_views.CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class ScopedChooserViewSet(ChooserViewSet):
    """A chooser whose lists, searches and chosen objects come from `scoped_queryset`."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = ScopedCreateView
    base_widget_class = PlaceAwareChooser
    #: How a chosen object is named in the form (the list shows `extra_columns` beside it).
    display_title = staticmethod(str)
    per_page = 20
    search_fields: tuple[str, ...] = ()
    select_related_fields: tuple[str, ...] = ()
    extra_columns: tuple[tuple[str, str], ...] = ()
    ordering: tuple[str, ...] = ("pk",)

    def scoped_queryset(self, user):
        raise NotImplementedError

    @property
    def chosen_view(self):
        return self.construct_view(self.chosen_view_class, display_title=self.display_title)

    @cached_property
    def widget_class(self):
        widget_class = super().widget_class
        widget_class.display_title = staticmethod(self.display_title)
        return widget_class

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            scoped_queryset=self.scoped_queryset,
            select_related_fields=self.select_related_fields,
            extra_columns=self.extra_columns,
            **kwargs,
        )

    @property
    def choose_view(self):
        return self._choose_view(self.choose_view_class)

    @property
    def choose_results_view(self):
        return self._choose_view(self.choose_results_view_class)

    def _choose_view(self, base_class):
        filter_form_class = type(
            f"{self.model.__name__}ChooserFilterForm",
            (TextSearchFilterForm,),
            {"search_fields": self.search_fields},
        )
        extra = {}
        if issubclass(base_class, ScopedChooseView):
            extra = {"icon": self.icon, "page_title": self.page_title}
            extra["search_tab_label"] = self.search_tab_label
            extra["creation_tab_label"] = self.creation_tab_label
        return self.construct_view(
            base_class,
            filter_form_class=filter_form_class,
            ordering=list(self.ordering),
            **extra,
        )


class CommuneChooserViewSet(ScopedChooserViewSet):
    model = Commune
    icon = "site"
    choose_one_text = _("Choose a commune")
    choose_another_text = _("Choose another commune")
    search_fields = ("name_km", "name_en", "code", "district__name_km", "district__name_en")
    select_related_fields = ("district__province",)
    extra_columns = (("district", _("district")), ("district.province", _("province")))
    display_title = staticmethod(commune_with_its_district)
    ordering = ("code",)

    def scoped_queryset(self, user):
        return communes_for_user(user)


class YouthGroupChooserViewSet(ScopedChooserViewSet):
    model = YouthGroup
    icon = "group"
    choose_one_text = _("Choose a youth group")
    choose_another_text = _("Choose another youth group")
    search_fields = ("name", "commune__name_km", "commune__name_en", "commune__code")
    select_related_fields = ("commune__district__province",)
    extra_columns = (("commune", _("commune")), ("commune.district.province", _("province")))
    ordering = ("name", "pk")

    def scoped_queryset(self, user):
        return youth_groups_for_user(user)


class PeerEducatorChooserViewSet(ScopedChooserViewSet):
    model = PeerEducator
    icon = "user"
    choose_one_text = _("Choose a peer educator")
    choose_another_text = _("Choose another peer educator")
    search_fields = ("name_km", "name_latin", "phone", "group__name")
    select_related_fields = ("group",)
    extra_columns = (("group", _("youth group")),)
    ordering = ("name_km", "pk")

    def scoped_queryset(self, user):
        return peer_educators_for_user(user)


class ParticipantCreationForm(WagtailAdminModelForm):
    """A new person made in the chooser (a roster's or an attendance's): who, and their consent.

    The home commune is required and one of the officer's, so the person made is in the
    officer's provinces (`participants_for_user`) and the chooser may return them. The
    model's `clean()` asks for the consents of the person's age, as on every other screen.
    """

    class Meta:
        model = Participant
        fields = ["name", "sex", "year_of_birth", "age_band", "home_commune", *CONSENT_FIELDS]
        # A select, not the commune chooser: a pop-up cannot open inside this pop-up.
        widgets = {"home_commune": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        home_commune = self.fields["home_commune"]
        home_commune.required = True
        home_commune.queryset = (
            communes_for_user(self.for_user)
            .select_related("district__province")
            .order_by("district__province__code", "district__code", "code")
        )
        home_commune.label_from_instance = commune_with_its_district
        self.fields["name"].required = True


class ParticipantCreationMixin:
    """Officers who may add participants make one in the chooser, held to their provinces."""

    def can_create(self):
        return self.request.user.has_perm("trainings.add_participant")

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "for_user": self.request.user}


class ParticipantChooseView(
    ParticipantCreationMixin, RecordsParticipantListAccessMixin, ScopedChooseView
):
    """The pop-up lists names: each opening is recorded as a list, with its search."""


class ParticipantChooseResultsView(
    ParticipantCreationMixin, RecordsParticipantListAccessMixin, ScopedChooseResultsView
):
    pass


class ParticipantCreateView(
    ParticipantCreationMixin, ScopedChooserViewMixin, chooser_views.CreateView
):
    """Saves the new person; the form's choices and the model's checks hold them in scope."""


class ParticipantChooserViewSet(ScopedChooserViewSet):
    model = Participant
    choose_view_class = ParticipantChooseView
    choose_results_view_class = ParticipantChooseResultsView
    create_view_class = ParticipantCreateView
    creation_form_class = ParticipantCreationForm
    create_action_label = _("Add a new person")
    creation_tab_label = _("New person")
    icon = "user"
    choose_one_text = _("Choose a participant")
    choose_another_text = _("Choose another participant")
    search_fields = ("code", "name", "contact_phone")
    select_related_fields = ("home_commune",)
    extra_columns = (("year_of_birth", _("year of birth")), ("home_commune", _("home commune")))
    ordering = ("code",)

    def scoped_queryset(self, user):
        return participants_for_user(user).filter(erased_at__isnull=True)


CHOOSER_VIEWSETS = (
    CommuneChooserViewSet("commune_chooser", url_prefix="trainings/choose-commune"),
    YouthGroupChooserViewSet("youth_group_chooser", url_prefix="trainings/choose-youth-group"),
    PeerEducatorChooserViewSet(
        "peer_educator_chooser", url_prefix="trainings/choose-peer-educator"
    ),
    ParticipantChooserViewSet("participant_chooser", url_prefix="trainings/choose-participant"),
)
