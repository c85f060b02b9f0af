from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("api/", views.docs, name="docs"),
    path("account/api-tokens/", views.token_list, name="token_list"),
    path("account/api-tokens/new/", views.token_create, name="token_create"),
    path("account/api-tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("manage/api-tokens/", views.organisation_token_list, name="organisation_token_list"),
    path(
        "manage/api-tokens/new/", views.organisation_token_create, name="organisation_token_create"
    ),
    path("manage/webhooks/", views.webhook_list, name="webhook_list"),
    path("manage/webhooks/new/", views.webhook_create, name="webhook_create"),
    path("manage/webhooks/<int:pk>/remove/", views.webhook_remove, name="webhook_remove"),
]
