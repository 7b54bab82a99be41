"""The offline pages and saved items' manifests under each language (/km/offline/...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("manifest.webmanifest", views.web_app_manifest, name="web_app_manifest"),
    path("offline/", views.offline_page, name="offline_page"),
    path("offline/saved/", views.saved_items_page, name="saved_items"),
    path("offline/items/<int:page_id>.json", views.saved_item, name="saved_item"),
]
