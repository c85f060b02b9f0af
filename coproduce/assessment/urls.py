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
    path("assessment/actions/<int:pk>/co-own/", views.action_co_own, name="action_co_own"),
    path(
        "assessment/actions/<int:pk>/co-owners/add/",
        views.action_co_owner_add,
        name="action_co_owner_add",
    ),
    path(
        "assessment/actions/<int:pk>/co-owners/remove/",
        views.action_co_owner_remove,
        name="action_co_owner_remove",
    ),
    path("assessment/actions/<int:pk>/comments/", views.action_comment, name="action_comment"),
]
