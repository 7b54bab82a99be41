"""Which provinces each program officer works in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from geography.models import Province
from sessions.roles import PROGRAM_OFFICERS


class ProvinceAssignment(models.Model):
    """A program officer may see and change the trainings of this province."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("program officer"),
        on_delete=models.CASCADE,
        related_name="province_assignments",
        limit_choices_to={"groups__name": PROGRAM_OFFICERS, "is_active": True},
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="officer_assignments",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("province assignment")
        verbose_name_plural = _("province assignments")
        ordering = ["province__code", "officer__username"]
        # The trainings app's rule about provinces: national officers hold it.
        permissions = [
            ("access_all_provinces", _("Can work with the data of every province")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "province"], name="unique_officer_province_assignment"
            )
        ]

    def __str__(self):
        return f"{self.officer.get_username()} – {self.province}"

    def clean(self):
        officer = getattr(self, "officer", None)
        if officer is not None and not officer.groups.filter(name=PROGRAM_OFFICERS).exists():
            raise ValidationError(
                {"officer": _("Only members of the Program officers group can be assigned.")}
            )
