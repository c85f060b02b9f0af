from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("learning/", views.module_list, name="module_list"),
    path("learning/new/", views.module_create, name="module_create"),
    path("learning/<int:pk>/", views.module_detail, name="module_detail"),
    path("learning/<int:pk>/edit/", views.module_edit, name="module_edit"),
    path("learning/<int:pk>/progress/", views.module_progress, name="module_progress"),
]
