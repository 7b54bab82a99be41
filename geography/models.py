"""Cambodia's provinces, districts, communes and villages, with official codes.

The tables keep the names they had when the places lived in the trainings app
(`trainings_province`, ...): moving the models renamed nothing in the database.
"""

from typing import Self

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PlaceQuerySet(models.QuerySet):
    def ordered_by_name(self) -> Self:
        """Ordered by the name in the current language."""
        return self.order_by("name_en" if get_language() == "en" else "name_km")


class Place(models.Model):
    """A place with an official code and names in Khmer and English."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the language of the current request."""
        if get_language() == "en":
            return self.name_en or self.name_km
        return self.name_km or self.name_en


class Province(Place):
    class Meta(Place.Meta):
        db_table = "trainings_province"
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class District(Place):
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="districts",
    )

    class Meta(Place.Meta):
        db_table = "trainings_district"
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Commune(Place):
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="communes",
    )

    class Meta(Place.Meta):
        db_table = "trainings_commune"
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    @property
    def province(self) -> Province:
        return self.district.province


class Village(Place):
    # The official list repeats some village codes (in one commune and across two)
    # and has a few placeholder codes, so a village is told apart by commune, code
    # and Khmer name together.
    code = models.CharField(_("code"), max_length=8, db_index=True)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="villages",
    )

    class Meta(Place.Meta):
        db_table = "trainings_village"
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "code", "name_km"], name="unique_village_in_commune"
            )
        ]
