"""App configuration of the recruitment agencies' register, which uses the geography only."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "agencies"
    label = "agencies"
    verbose_name = _("Recruitment agencies")
    default_auto_field = "django.db.models.BigAutoField"
