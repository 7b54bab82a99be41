"""The dashboard panel: this month against last, and sessions waiting for verification."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .selectors import month_figures, sessions_awaiting_verification


def may_see_reports(user) -> bool:
    """Officers (and national officers) read reports; editors and club leaders do not."""
    return bool(user and user.is_active and user.has_perm("trainings.view_trainingsession"))


class ProgrammePanel(Component):
    name = "programme_reach"
    order = 90
    template_name = "trainings/reports/panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        this_month = today.replace(day=1)
        last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
        current = month_figures(user=self.user, month=this_month)
        previous = month_figures(user=self.user, month=last_month)
        rows = [
            (label, current[key], previous[key], current[key] - previous[key])
            for key, label in (
                ("sessions", "sessions"),
                ("attendances", "attendances"),
                ("people", "people"),
            )
        ]
        return {
            "this_month": this_month,
            "last_month": last_month,
            "rows": rows,
            "awaiting": sessions_awaiting_verification(user=self.user),
        }
