from functools import cache

from coproduce.lib.today import already_counted

from .models import Notification
from .today import UNREAD


def unread(request):
    """How many of the signed-in person's notifications are unread, for the header:
    one count query, made only when a page shows it, and none on Today, which read it
    with its other counts (lib.today.counted)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count():
        known = already_counted(user)
        if UNREAD in known:
            return known[UNREAD]
        return Notification.objects.filter(recipient=user, read_at=None).count()

    return {"unread_notifications": count}
