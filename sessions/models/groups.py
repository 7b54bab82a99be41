"""Youth groups (clubs), their roster of members, and their peer educators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from geography.models import Commune, Province

from .choices import Sex


class YouthGroup(ClusterableModel):
    """A youth club in a commune whose peer educators hold trainings.

    Clusterable, so the officers edit the roster inside the group's form.
    """

    name = models.CharField(_("name"), max_length=200)
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

    def __str__(self):
        if self.name_latin:
            return f"{self.name_km} ({self.name_latin})"
        return self.name_km
