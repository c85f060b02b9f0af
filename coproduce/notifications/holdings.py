"""Where notifications hold a person's data (see privacy.registry). What we told a
person, how each was sent and their choices are theirs: erasure deletes them all, and
the messages to others that name them."""

from django.db.models import Q

from coproduce.privacy.registry import Holding

from .models import Notification

FIELDS = (
    "kind",
    "subject",
    "body",
    "easy_read",
    "language",
    "url",
    "key",
    "created_at",
    "read_at",
)


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
    # Signing in without email (decision 0036): only hashes of codes are kept, never the
    # codes, so the download says when each card or code was made and used.
    Holding(
        "notifications.SignInCard",
        "person",
        "Your sign-in cards",
        ("issued_at", "expires_at", "used_at", "cancelled_at", "cancel_reason"),
        erase="delete",
        withheld={"code_hash": "a keyed hash of the code, which cannot be turned back into it"},
    ),
    Holding(
        "notifications.HistoricalSignInCard",
        "person",
        "Earlier records of your sign-in cards",
        ("history_date", "history_type", "history_change_reason", "cancel_reason"),
        erase="delete",
    ),
    Holding(
        "notifications.SignInCode",
        "person",
        "Sign-in codes we texted you",
        ("created_at", "expires_at", "used_at"),
        erase="delete",
        withheld={"code_hash": "a keyed hash of the code, which cannot be turned back into it"},
    ),
    Holding(
        "notifications.SignInCard",
        "issued_by",
        "Sign-in cards you printed for people",
        ("issued_at",),
        about_them=False,
    ),
    Holding(
        "notifications.SignInCard",
        "cancelled_by",
        "Sign-in cards you cancelled",
        ("cancelled_at",),
        about_them=False,
    ),
    Holding(
        "notifications.HistoricalSignInCard",
        "issued_by",
        "Earlier records of sign-in cards you printed",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "notifications.HistoricalSignInCard",
        "cancelled_by",
        "Earlier records of sign-in cards you cancelled",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "notifications.HistoricalSignInCard",
        "history_user",
        "Changes you made to sign-in cards",
        ("history_date", "history_type"),
        about_them=False,
    ),
)
