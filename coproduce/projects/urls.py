from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/ladder/", views.ladder, name="ladder"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/activity/", views.project_activity, name="project_activity"),
    path("projects/<int:pk>/rung/", views.declare_rung, name="declare_rung"),
    path("projects/<int:pk>/stages/", views.stages, name="stages"),
    path("projects/<int:pk>/team/", views.team, name="team"),
    path(
        "projects/<int:pk>/team/<int:member_pk>/leave/",
        views.team_member_leave,
        name="team_member_leave",
    ),
    path("projects/<int:pk>/decisions/new/", views.decision_create, name="decision_create"),
    path("projects/<int:pk>/decisions/propose/", views.decision_propose, name="decision_propose"),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/confirm/",
        views.decision_confirm,
        name="decision_confirm",
    ),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/",
        views.decision_detail,
        name="decision_detail",
    ),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/position/",
        views.decision_position,
        name="decision_position",
    ),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/on-behalf/",
        views.decision_on_behalf,
        name="decision_on_behalf",
    ),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/meeting/",
        views.decision_meeting_positions,
        name="decision_meeting_positions",
    ),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/close/",
        views.decision_close,
        name="decision_close",
    ),
    path(
        "projects/<int:pk>/decisions/<int:decision_pk>/view/",
        views.decision_add_view,
        name="decision_add_view",
    ),
    path("projects/<int:pk>/you-said/new/", views.feedback_create, name="feedback_create"),
    path(
        "projects/<int:pk>/you-said/<int:item_pk>/answer/",
        views.feedback_answer,
        name="feedback_answer",
    ),
    path("projects/<int:pk>/you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
]
