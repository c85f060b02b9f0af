from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from .middleware import seconds_left


def coproduce(request: HttpRequest) -> dict[str, object]:

    return {
        "COPRODUCE_DEMO": settings.COPRODUCE_DEMO,
        "ORGANISATION_NAME": settings.COPRODUCE_ORGANISATION_NAME,
        "CONTACT_EMAIL": settings.COPRODUCE_CONTACT_EMAIL,
        "SESSION_SECONDS": seconds_left(request) if _signed_in(request) else 0,
        "SESSION_WARNING_SECONDS": settings.COPRODUCE_SESSION_WARNING_SECONDS,
        "INVITATION_DAYS": settings.COPRODUCE_INVITATION_DAYS,
        "SOURCE_URL": settings.COPRODUCE_SOURCE_URL or reverse("source"),
        # Our own /source/ is a file to download, not a page.
        "SOURCE_IS_ARCHIVE": not settings.COPRODUCE_SOURCE_URL,
    }


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated
