from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advice"
    verbose_name = _("Advice and referrals")

    def ready(self) -> None:
        # `sessions` may not import this app, so the programme report learns of the
        # handouts given with advice through its registry of lesson reach.
        from sessions.reports.lesson_reach import register_lesson_reach_source

        from .reach import HANDOUTS_GIVEN_WITH_ADVICE

        register_lesson_reach_source(HANDOUTS_GIVEN_WITH_ADVICE)
