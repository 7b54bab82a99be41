"""App configuration of the commune councils' register of migration movements and recruitment."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunesConfig(AppConfig):
    name = "communes"
    label = "communes"
    verbose_name = _("Commune registers")
    default_auto_field = "django.db.models.BigAutoField"
