"""Wires the import screens into the admin; imported by sessions/admin/wagtail_hooks.py."""

from functools import partial

from wagtail import hooks

from .admin import ImportViewSet, add_to_trainings_menu

import_viewset = ImportViewSet()


@hooks.register("register_admin_viewset")
def register_import_viewset():
    return import_viewset


hooks.register("construct_main_menu", partial(add_to_trainings_menu, viewset=import_viewset))
