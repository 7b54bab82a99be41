"""App configuration of the DHIS2 export: the programme's figures sent to a national DHIS2."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Dhis2Config(AppConfig):
    name = "dhis2"
    label = "dhis2"
    verbose_name = _("DHIS2 export")
    default_auto_field = "django.db.models.BigAutoField"
