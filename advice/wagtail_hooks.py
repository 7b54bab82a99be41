"""Wires the advice log into the Wagtail admin: its viewsets and the overdue referrals' panel."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .admin.viewsets import AdviceViewSetGroup
from .scoping import is_officer, referrals_for_user
from .selectors import overdue_referrals

#: How many overdue referrals the dashboard lists (the rest behind a link).
PANEL_SIZE = 10


class OverdueReferralsPanel(Component):
    name = "advice_overdue_referrals"
    order = 95
    template_name = "advice/admin/overdue_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"referrals": overdue_referrals(referrals_for_user(self.user))[:PANEL_SIZE]}


@hooks.register("register_admin_viewset")
def register_advice_viewsets():
    return AdviceViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_overdue_referrals_panel(request, panels):
    if is_officer(request.user):
        # Work waiting on the officer comes before the figures.
        panels.insert(0, OverdueReferralsPanel(request.user))
