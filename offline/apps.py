"""App configuration of the installable web app and its offline reading (reads the curriculum)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    name = "offline"
    label = "offline"
    verbose_name = _("Offline reading")
