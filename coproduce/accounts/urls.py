from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("home/", views.home, name="home"),
    path("display-settings/", views.display_settings, name="display_settings"),
    path("language/", views.choose_language, name="language"),
    path("session/extend/", views.extend_session, name="extend_session"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("manage/accounts/", views.account_list, name="account_list"),
    path("manage/accounts/invite/", views.invite, name="invite"),
    path("manage/accounts/<int:pk>/", views.account_detail, name="account_detail"),
    path("manage/accounts/<int:pk>/active/", views.set_active, name="set_active"),
    path("manage/invitations/<int:pk>/resend/", views.resend_invitation, name="resend_invitation"),
    path("manage/invitations/<int:pk>/cancel/", views.cancel_invitation, name="cancel_invitation"),
]
