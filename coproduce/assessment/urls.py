from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("assessment/", views.round_list, name="round_list"),
    path("assessment/rounds/new/", views.round_create, name="round_create"),
    path("assessment/rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("assessment/rounds/<int:pk>/close/", views.round_close, name="round_close"),
    path("assessment/rounds/<int:pk>/answer/<str:perspective>/", views.answer, name="answer"),
    path("assessment/actions/", views.action_list, name="action_list"),
    path("assessment/actions/new/", views.action_create, name="action_create"),
    path("assessment/actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("assessment/actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
]
