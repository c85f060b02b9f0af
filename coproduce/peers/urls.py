from django.urls import path

from . import views

app_name = "peers"

urlpatterns = [
    path("peer-support/", views.home, name="home"),
    path("peer-support/offer/", views.offer, name="offer"),
    path("peer-support/ask/", views.ask, name="ask"),
    path("peer-support/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("peer-support/pairings/<int:pk>/", views.pairing_detail, name="pairing_detail"),
    path("peer-support/pairings/<int:pk>/end/", views.pairing_end, name="pairing_end"),
    path("peer-groups/", views.group_list, name="group_list"),
    path("peer-groups/new/", views.group_create, name="group_create"),
    path("peer-groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("peer-groups/<int:pk>/members/", views.group_members, name="group_members"),
    path("peer-groups/<int:pk>/leave/", views.group_leave, name="group_leave"),
]
