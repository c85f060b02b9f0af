from functools import cache

from .models import Notification


def unread(request):
    """How many of the signed-in person's notifications are unread, for the header:
    one count query, made only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count():
        return Notification.objects.filter(recipient=user, read_at=None).count()

    return {"unread_notifications": count}
