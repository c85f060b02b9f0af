from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("you/who-looked/", views.my_reads, name="my_reads"),
    path("you/your-data/", views.my_data, name="my_data"),
    path("privacy/reads/", views.read_log, name="read_log"),
    path("privacy/requests/", views.request_list, name="request_list"),
    path("privacy/requests/new/", views.request_new, name="request_new"),
    path("privacy/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("privacy/retention/", views.retention_settings, name="retention"),
    path("privacy/retention/apply/", views.retention_apply, name="retention_apply"),
]
