"""App configuration for the curriculum."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Curriculum")

    def ready(self):
        # Here, not at the top: Django loads the app configs before any model exists.
        from curriculum.printing.signals import connect_printing_signals

        connect_printing_signals()
