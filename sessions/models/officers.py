"""Which provinces each program officer works in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from geography.models import Province

# Who may be given provinces: a permission the Program officers role holds, never a group name.
ASSIGNABLE_PERMISSION = "trainings.work_in_assigned_provinces"


def assignable_officers_q() -> models.Q:
    """Active users who hold the permission to work in assigned provinces (by role or alone)."""
    app_label, codename = ASSIGNABLE_PERMISSION.split(".")
    holds = {"permissions__codename": codename, "permissions__content_type__app_label": app_label}
    by_role = models.Q(**{f"groups__{field}": value for field, value in holds.items()})
    by_user = models.Q(**{f"user_{field}": value for field, value in holds.items()})
    return (by_role | by_user) & models.Q(is_active=True)


class ProvinceAssignment(models.Model):
    """A program officer may see and change the trainings of this province."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("program officer"),
        on_delete=models.CASCADE,
        related_name="province_assignments",
        limit_choices_to=assignable_officers_q,
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
            ("work_in_assigned_provinces", _("Can work in the provinces assigned to them")),
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
        if officer is not None and not officer.has_perm(ASSIGNABLE_PERMISSION):
            raise ValidationError(
                {"officer": _("Only program officers can be assigned provinces.")}
            )
