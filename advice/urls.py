"""The advisers' pages (club leaders and commune focal points), under /<language>/advice/."""

from django.urls import path

from . import views

app_name = "advice"

urlpatterns = [
    path("", views.advice_home, name="home"),
    path("new/", views.advice_record_create, name="create"),
    path("<int:record_id>/", views.advice_record_detail, name="detail"),
    path("referrals/<int:referral_id>/answer/", views.referral_answer, name="referral_answer"),
    path("follow-ups/<int:follow_up_id>/", views.follow_up_edit, name="follow_up"),
]
