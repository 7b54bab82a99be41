"""The club leaders' pages, under /<language>/club/."""

from django.urls import path

from . import planning_views, roster_views
from . import views as club_views

app_name = "club"

urlpatterns = [
    path("", club_views.club_home, name="home"),
    path("sessions/new/", club_views.session_create, name="session_create"),
    path("sessions/plan/", planning_views.session_plan, name="session_plan"),
    path(
        "sessions/<int:session_id>/sign-in-sheet/",
        planning_views.session_sign_in_sheet,
        name="session_sign_in_sheet",
    ),
    path("outbox/", club_views.outbox_check, name="outbox_check"),
    path("members/", roster_views.roster, name="roster"),
    path("members/<int:membership_id>/left/", roster_views.member_left, name="member_left"),
    path("sessions/<int:session_id>/", club_views.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/edit/", club_views.session_edit, name="session_edit"),
    path(
        "sessions/<int:session_id>/withdraw/",
        club_views.session_withdraw,
        name="session_withdraw",
    ),
]
