from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("our-impact/", views.public_list, name="public_list"),
    path("our-impact/<int:pk>/", views.public_detail, name="public_detail"),
    path("impact/", views.entry_list, name="entry_list"),
    path("impact/new/", views.entry_create, name="entry_create"),
    path("impact/named/", views.mentions, name="mentions"),
    path("impact/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("impact/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("impact/<int:pk>/publish/", views.entry_publish, name="entry_publish"),
    path("impact/<int:pk>/consent/", views.entry_consent, name="entry_consent"),
    path("impact/<int:pk>/evidence/", views.evidence_file, name="evidence_file"),
]
