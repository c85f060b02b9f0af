from django.urls import path

from .views import consent, equality, imports, joining, passport, people, profile, supporters

app_name = "people"

urlpatterns = [
    path("you/", profile.my_profile, name="my_profile"),
    path("you/profile/", profile.edit_profile, name="edit_profile"),
    path("you/support-network/add/", profile.add_supporter, name="add_supporter"),
    path("you/support-network/<int:pk>/remove/", profile.remove_supporter, name="remove_supporter"),
    path("you/acting-for-you/", supporters.grant_authority, name="grant_authority"),
    path(
        "you/acting-for-you/<int:pk>/withdraw/",
        supporters.withdraw_authority,
        name="withdraw_authority",
    ),
    path("you/people-you-support/", supporters.supporting, name="supporting"),
    path("you/access/", passport.my_passport, name="my_passport"),
    path("you/access/edit/", passport.edit_passport, name="edit_passport"),
    path("you/consent/", consent.my_consent, name="my_consent"),
    path("you/equality/", equality.my_equality, name="my_equality"),
    path("you/history/", profile.my_history, name="my_history"),
    path("people/", people.person_list, name="person_list"),
    path("people/new/", people.add_person, name="add_person"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/access/", passport.person_passport, name="person_passport"),
    path(
        "people/<int:pk>/access/reason/",
        passport.record_passport_reason,
        name="record_passport_reason",
    ),
    path("people/<int:pk>/profile/edit/", profile.assist_profile, name="assist_profile"),
    path("people/<int:pk>/access/edit/", passport.assist_passport, name="assist_passport"),
    path("people/<int:pk>/consent/", consent.assist_consent, name="assist_consent"),
    path("join/", joining.join, name="join"),
    path("join/thank-you/", joining.join_thanks, name="join_thanks"),
    path("people/joining/", joining.interest_list, name="interest_list"),
    path("people/joining/<int:pk>/", joining.interest_review, name="interest_review"),
    path("people/import/", imports.import_start, name="import_start"),
    path("people/import/<int:pk>/columns/", imports.import_columns, name="import_columns"),
    path("people/import/<int:pk>/check/", imports.import_preview, name="import_preview"),
    path("people/import/<int:pk>/", imports.import_progress, name="import_progress"),
]
