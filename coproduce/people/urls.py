from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("you/", views.my_profile, name="my_profile"),
    path("you/profile/", views.edit_profile, name="edit_profile"),
    path("you/support-network/add/", views.add_supporter, name="add_supporter"),
    path("you/support-network/<int:pk>/remove/", views.remove_supporter, name="remove_supporter"),
    path("you/access/", views.my_passport, name="my_passport"),
    path("you/access/edit/", views.edit_passport, name="edit_passport"),
    path("you/consent/", views.my_consent, name="my_consent"),
    path("you/equality/", views.my_equality, name="my_equality"),
    path("you/history/", views.my_history, name="my_history"),
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/access/", views.person_passport, name="person_passport"),
    path(
        "people/<int:pk>/access/reason/",
        views.record_passport_reason,
        name="record_passport_reason",
    ),
    path("people/<int:pk>/profile/edit/", views.assist_profile, name="assist_profile"),
    path("people/<int:pk>/access/edit/", views.assist_passport, name="assist_passport"),
    path("people/<int:pk>/consent/", views.assist_consent, name="assist_consent"),
    path("join/", views.join, name="join"),
    path("join/thank-you/", views.join_thanks, name="join_thanks"),
    path("people/joining/", views.interest_list, name="interest_list"),
    path("people/joining/<int:pk>/", views.interest_review, name="interest_review"),
    path("people/import/", views.import_start, name="import_start"),
    path("people/import/<int:pk>/columns/", views.import_columns, name="import_columns"),
    path("people/import/<int:pk>/check/", views.import_preview, name="import_preview"),
    path("people/import/<int:pk>/", views.import_progress, name="import_progress"),
]
