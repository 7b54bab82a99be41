"""Where Wagtail finds the trainings app's hooks: the officers' admin registers them.

Wagtail imports `wagtail_hooks` from each app's root only; the screens, menus, bulk actions
and history actions are in `sessions/admin/wagtail_hooks.py`, which loads those of the
imports and the reports too.
"""

from .admin import wagtail_hooks  # noqa: F401 - registers the admin's hooks
