"""Wires the trainings app into the Wagtail admin."""

from wagtail import hooks

from .viewsets import TrainingsViewSetGroup


@hooks.register("register_admin_viewset")
def register_trainings_viewsets():
    return TrainingsViewSetGroup()
