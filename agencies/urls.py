"""The public check's address, under each language: /km/agencies/check/, /en/agencies/check/."""

from django.urls import path

from . import views

urlpatterns = [path("check/", views.agency_check, name="agency_check")]
