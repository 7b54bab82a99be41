"""App configuration: the label is `trainings`, since `sessions` is Django's."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "sessions"
    label = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from .reports import signals  # noqa: F401 - keeps the public figures fresh
