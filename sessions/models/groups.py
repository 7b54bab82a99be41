"""Champion groups (youth clubs, commune councils, NGOs…), their rosters and peer educators."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from geography.models import Commune, Province

from .choices import Sex


class GroupKind(models.Model):
    """A kind of champion group: youth club, commune council, NGO, or one an officer adds.

    Data, not code: a programme that starts working with, say, monks' associations adds a
    kind in the admin, and every screen names its groups by it (in Khmer and in English).
    """

    YOUTH_CLUB = "youth-club"
    COMMUNE_COUNCIL = "commune-council"
    NGO = "ngo"

    slug = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("A short code for spreadsheets, in Latin letters (e.g. commune-council)."),
    )
    name_km = models.CharField(_("name in Khmer"), max_length=100, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("kind of champion group")
        verbose_name_plural = _("kinds of champion group")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The kind's name in the language of the screen."""
        return self.name_km if (get_language() or "").startswith("km") else self.name_en


def youth_club_kind_pk() -> int:
    """The default kind of a group: the youth club (the only kind before there were kinds)."""
    kind, __ = GroupKind.objects.get_or_create(
        slug=GroupKind.YOUTH_CLUB, defaults={"name_km": "ក្លឹបយុវជន", "name_en": "Youth club"}
    )
    return kind.pk


class YouthGroup(ClusterableModel):
    """A champion group in a commune (a youth club, a commune council, an NGO…).

    The model kept its first name and table: every kind has the same parts (a place,
    a roster, peer educators, sessions), so one model with a `kind` serves them all.
    Clusterable, so the officers edit the roster inside the group's form.
    """

    name = models.CharField(_("name"), max_length=200)
    kind = models.ForeignKey(
        GroupKind,
        verbose_name=_("kind of group"),
        on_delete=models.PROTECT,
        related_name="groups",
        default=youth_club_kind_pk,
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="youth_groups"
    )
    founded_on = models.DateField(_("founded on"))
    active = models.BooleanField(_("active"), default=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    members = models.ManyToManyField(
        "trainings.Participant",
        verbose_name=_("members"),
        through="trainings.Membership",
        related_name="youth_groups",
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("youth group")
        verbose_name_plural = _("youth groups")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def province(self) -> Province:
        return self.commune.district.province


class Membership(models.Model):
    """A participant on a club's roster, from when they joined until they left."""

    group = ParentalKey(
        YouthGroup,
        verbose_name=_("youth group"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    participant = models.ForeignKey(
        "trainings.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group_id", "joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "participant"], name="unique_youth_group_membership"
            )
        ]

    def __str__(self):
        return f"{self.participant} – {self.group}"


class PeerEducator(models.Model):
    """A club member trained to facilitate sessions; may have a login on the public site."""

    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_latin = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    year_of_birth = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    group = models.ForeignKey(
        YouthGroup,
        verbose_name=_("youth group"),
        on_delete=models.PROTECT,
        related_name="peer_educators",
    )
    trained_on = models.DateField(_("trained as peer educator on"), null=True, blank=True)
    participant = models.ForeignKey(
        "trainings.Participant",
        verbose_name=_("participant"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="peer_educator_roles",
        help_text=_("The person on the group's roster, when a training of trainers made them one."),
    )
    trained_at = models.ForeignKey(
        "trainings.TrainingSession",
        verbose_name=_("training of trainers attended"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="trained_peer_educators",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="peer_educator",
        help_text=_("The club leader's account on the public site, if they have one."),
    )

    class Meta:
        verbose_name = _("peer educator")
        verbose_name_plural = _("peer educators")
        ordering = ["name_km", "pk"]
        constraints = [
            # One peer educator per person and group: a second training of trainers
            # attended does not make a second one.
            models.UniqueConstraint(
                fields=["participant", "group"],
                condition=models.Q(participant__isnull=False),
                name="unique_peer_educator_per_person_and_group",
            )
        ]

    def __str__(self):
        if self.name_latin:
            return f"{self.name_km} ({self.name_latin})"
        return self.name_km
