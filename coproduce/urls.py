from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from coproduce.api.v1 import api as api_v1
from coproduce.lib.health import health
from coproduce.lib.source import source
from coproduce.lib.views import error_page, server_error

urlpatterns = [
    path("health/", health, name="health"),
    path("source/", source, name="source"),
    path("", include("coproduce.site.urls")),
    path("", include("coproduce.accounts.urls")),
    path("", include("coproduce.people.urls")),
    path("", include("coproduce.privacy.urls")),
    path("", include("coproduce.projects.urls")),
    path("", include("coproduce.opportunities.urls")),
    path("", include("coproduce.meetings.urls")),
    path("", include("coproduce.payments.urls")),
    path("", include("coproduce.assessment.urls")),
    path("", include("coproduce.learning.urls")),
    path("", include("coproduce.peers.urls")),
    path("", include("coproduce.budgets.urls")),
    path("", include("coproduce.impact.urls")),
    path("", include("coproduce.notifications.urls")),
    path("", include("coproduce.insights.urls")),
    path("", include("coproduce.strategy.urls")),
    path("", include("coproduce.api.urls")),
    path("api/v1/", api_v1.urls),
    path("accounts/", include("allauth.urls")),
    path("django-admin/", admin.site.urls),
]

if settings.COPRODUCE_BENCH:
    urlpatterns.append(path("", include("coproduce.bench.urls")))

handler403 = error_page("errors/403.html", 403)
handler404 = error_page("errors/404.html", 404)
handler500 = server_error
