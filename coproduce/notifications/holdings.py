"""Where notifications hold a person's data (see privacy.registry). What we told a
person, how each was sent and their choices are theirs: erasure deletes them all, and
the messages to others that name them."""

from django.db.models import Q

from coproduce.privacy.registry import Holding

from .models import Notification

FIELDS = ("kind", "subject", "body", "easy_read", "url", "key", "created_at", "read_at")


def _notifications(person):
    rows = []
    for notification in Notification.objects.filter(recipient=person).prefetch_related(
        "deliveries__copy_for"
    ):
        row = {name: getattr(notification, name) for name in FIELDS}
        row["sent"] = "; ".join(
            f"{d.get_channel_display()}"
            f"{' to ' + d.copy_for.name if d.copy_for else ''}: {d.get_status_display()}"
            f"{' ' + d.sent_at.isoformat() if d.sent_at else ''}"
            f"{' (' + d.last_error + ')' if d.last_error else ''}"
            for d in notification.deliveries.all()
        )
        rows.append(row)
    return rows


def _forget_mentions(person):
    """Messages to other people that name them (a claim to approve, a message to read)
    are copies of records their own holdings erase: those messages go too."""
    mentions = Q()
    for value in {person.name, person.email} - {"", None}:
        mentions |= Q(subject__icontains=value) | Q(body__icontains=value)
        mentions |= Q(easy_read__icontains=value)
    if mentions:
        Notification.objects.exclude(recipient=person).filter(mentions).delete()


HOLDINGS = (
    Holding(
        "notifications.Notification",
        "recipient",
        "Messages we sent you",
        export=_notifications,
        parts=("deliveries",),
        erase="delete",
        erase_with=_forget_mentions,
    ),
    Holding(
        "notifications.Preference",
        "user",
        "How you want us to contact you",
        ("kind", "channel", "updated_at"),
        erase="delete",
    ),
    Holding(
        "notifications.ContactTask",
        "person",
        "Times staff contacted you for a message",
        (
            "delivery__notification__subject",
            "method",
            "reason",
            "created_at",
            "tries",
            "outcome",
            "notes",
            "outcome_at",
            "done_at",
        ),
        erase="delete",
    ),
    Holding(
        "notifications.ContactTask",
        "claimed_by",
        "People you said you would contact",
        ("method", "claimed_at"),
        about_them=False,
    ),
    Holding(
        "notifications.ContactTask",
        "outcome_by",
        "Contacts you recorded",
        ("method", "outcome", "outcome_at"),
        about_them=False,
    ),
)
