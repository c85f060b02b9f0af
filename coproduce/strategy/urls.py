from django.urls import path

from . import views

app_name = "strategy"

urlpatterns = [
    path("our-commitments/", views.public_list, name="public_list"),
    path("strategy/", views.commitment_list, name="commitment_list"),
    path("strategy/new/", views.commitment_create, name="commitment_create"),
    path("strategy/<int:pk>/edit/", views.commitment_edit, name="commitment_edit"),
]
