"""The admin's account settings, where a change of language needs nothing else.

Wagtail's settings page saves all of its panels in one form, and its name panel declares
first and last name (and e-mail) required whatever the user model says. Staff accounts made
outside Wagtail's user screens (the demo, `createsuperuser`, club leaders' logins) have no
name, so an officer who only wanted Khmer instead of English was asked for one. Here the
name panel's fields are required only where the user model requires them.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Field
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views import account


class OptionalNameEmailForm(NameEmailForm):
    """Wagtail's name and e-mail form, each field required only if the user model says so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user_model = get_user_model()
        for name, field in self.fields.items():
            model_field = user_model._meta.get_field(name)
            field.required = isinstance(model_field, Field) and not model_field.blank


class NameEmailSettingsPanel(account.NameEmailSettingsPanel):
    form_class = OptionalNameEmailForm


class AccountView(account.AccountView):
    """Wagtail's account settings with the name panel above; every other panel as it is."""

    def get_panels(self) -> list[account.BaseSettingsPanel]:
        return [
            NameEmailSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is account.NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]
