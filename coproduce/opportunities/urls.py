from django.urls import path

from . import views

app_name = "opportunities"

urlpatterns = [
    path("opportunities/", views.opportunity_list, name="opportunity_list"),
    path("opportunities/new/", views.opportunity_create, name="opportunity_create"),
    path("opportunities/mine/", views.my_applications, name="my_applications"),
    path("opportunities/<int:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path("opportunities/<int:pk>/edit/", views.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("opportunities/<int:pk>/people/", views.applicants, name="applicants"),
    path(
        "opportunities/<int:pk>/people/<int:application_pk>/decide/",
        views.decide,
        name="decide",
    ),
]
