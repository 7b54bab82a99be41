"""App configuration for the home page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from .page_cache_signals import connect_page_cache_signals

        connect_page_cache_signals()
