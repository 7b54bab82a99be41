"""The commune focal points' pages, under /<language>/commune/."""

from django.urls import path

from . import views

app_name = "communes"

urlpatterns = [
    path("", views.register_home, name="home"),
    path("departures/new/", views.departure_create, name="departure_create"),
    path("returns/new/", views.return_create, name="return_create"),
    path("movements/<int:movement_id>/edit/", views.movement_edit, name="movement_edit"),
    path(
        "recruitment/new/",
        views.recruitment_activity_create,
        name="recruitment_activity_create",
    ),
    path(
        "recruitment/<int:activity_id>/edit/",
        views.recruitment_activity_edit,
        name="recruitment_activity_edit",
    ),
]
