"""Notification use cases. `notify()` is how every app tells a person something:
it stores the notification, and once the transaction commits queues its delivery on
the channel the person chose for that kind of message, with copies for supporters
they asked us to copy in (decision 0026)."""

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from coproduce.lib.language import in_language_of
from coproduce.people.models import ContactMethod, Profile, SupportPerson

from . import kinds
from .channels import deliver
from .models import Channel, Delivery, Notification, Preference

if TYPE_CHECKING:
    from coproduce.accounts.models import User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY = timedelta(minutes=15)

# The channel a person's profile contact choices lead to, in this order of preference.
DEFAULT_FROM_CONTACT = [
    (ContactMethod.EMAIL, Channel.EMAIL),
    (ContactMethod.TEXT, Channel.TEXT),
    (ContactMethod.POST, Channel.LETTER),
    (ContactMethod.PHONE, Channel.PHONE),
]


def default_channel(contact_methods: Iterable[str]) -> str:
    """Email when the person gave no contact choices or chose email; otherwise the
    first of text, post and phone they chose."""
    if not contact_methods:
        return Channel.EMAIL
    for method, channel in DEFAULT_FROM_CONTACT:
        if method in contact_methods:
            return channel
    return Channel.EMAIL


def contact_methods_of(user: "User") -> list[str]:
    return Profile.objects.filter(user=user).values_list("contact_methods", flat=True).first() or []


def channel_for(user: "User", kind: str) -> str:
    """The channel for one kind of message: the person's choice, else their default."""
    chosen = Preference.objects.filter(user=user, kind=kind).values_list("channel", flat=True)
    channel = chosen.first() or default_channel(contact_methods_of(user))
    if channel == Channel.DIGEST and kind == "notifications.digest":
        return default_channel(contact_methods_of(user))
    return channel


def copy_channel(supporter: SupportPerson) -> str:
    """A supporter's copy goes by email if they have an address, else by text."""
    if supporter.email:
        return Channel.EMAIL
    return Channel.TEXT if supporter.phone else ""


def notify(
    recipient: "User",
    kind: str,
    *,
    subject: str,
    body: str,
    url: str = "",
    easy_read: str = "",
    key: str = "",
) -> Notification | None:
    """Stores a notification for `recipient` and, once the transaction commits, delivers
    it on their channel for `kind`. With a `key` already used for this person, or for a
    closed account, nothing is stored or sent and None is returned. `body` must never
    hold special-category detail (no diagnoses, equality answers or access passport text)."""
    the_kind = kinds.get(kind)
    if not recipient.is_active:
        return None  # a closed or erased account is told nothing
    with transaction.atomic():
        if key and Notification.objects.filter(recipient=recipient, key=key).exists():
            return None
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=recipient,
                    kind=kind,
                    subject=subject[:200],
                    body=body,
                    url=url,
                    easy_read=easy_read,
                    key=key,
                )
        except IntegrityError:
            if key:
                return None  # told already, by a run at the same moment
            raise
        deliveries = [Delivery(notification=notification, channel=channel_for(recipient, kind))]
        if the_kind.topic and not the_kind.staff_only:
            for supporter in _copied_in(recipient, the_kind.topic):
                deliveries.append(
                    Delivery(
                        notification=notification,
                        channel=copy_channel(supporter),
                        copy_for=supporter,
                    )
                )
        Delivery.objects.bulk_create(deliveries)
        if any(d.channel != Channel.DIGEST for d in deliveries):
            transaction.on_commit(lambda: _queue(notification.pk), robust=True)
    return notification


def _copied_in(recipient: "User", topic: str) -> list[SupportPerson]:
    return [
        supporter
        for supporter in SupportPerson.objects.filter(profile__user=recipient, copy_in=True)
        if topic in supporter.copy_topics and copy_channel(supporter)
    ]


def _queue(notification_id: int) -> None:
    from .tasks import deliver_notification

    deliver_notification.enqueue(notification_id)


def send_delivery(delivery_id: int, now: datetime | None = None) -> Delivery | None:
    """Sends one delivery unless it was sent already or is not due: the row is locked
    while it is sent, so two workers never send it twice. A failure is kept with the
    attempt count, and the next try waits twice as long as the last."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("notification__recipient__profile", "copy_for")
            .filter(
                Q(status=Delivery.Status.QUEUED)
                | Q(status=Delivery.Status.FAILED, attempts__lt=MAX_ATTEMPTS),
                pk=delivery_id,
            )
            .exclude(channel=Channel.DIGEST)
            .first()
        )
        if delivery is None:
            return None
        delivery.attempts += 1
        try:
            status = deliver(delivery)
        except Exception as error:
            logger.warning("Could not send delivery %s on %s", delivery.pk, delivery.channel)
            delivery.status = Delivery.Status.FAILED
            delivery.last_error = f"{type(error).__name__}: {error}"[:300]
            delivery.next_attempt_at = now + FIRST_RETRY * 2 ** (delivery.attempts - 1)
        else:
            delivery.status = status
            if status == Delivery.Status.SENT:
                delivery.sent_at = now
                delivery.last_error = ""
            delivery.next_attempt_at = None
        delivery.save(
            update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"]
        )
    return delivery


def send_due(now: datetime | None = None, limit: int = 500) -> int:
    """Sends deliveries that failed and are due another try, and any still waiting that
    the queue lost. Returns how many it tried."""
    now = now or timezone.now()
    due = (
        Delivery.objects.filter(
            Q(status=Delivery.Status.FAILED, attempts__lt=MAX_ATTEMPTS, next_attempt_at__lte=now)
            | Q(status=Delivery.Status.QUEUED, created_at__lte=now - FIRST_RETRY)
        )
        .exclude(channel=Channel.DIGEST)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    ids = list(due)
    for delivery_id in ids:
        send_delivery(delivery_id, now=now)
    return len(ids)


# ---- the person's choices and their list -----------------------------------


def choosable_kinds(user: "User") -> list[kinds.Kind]:
    """The kinds a person may choose a channel for: staff kinds only for staff."""
    from coproduce.accounts.models import Role

    staff = user.has_role(Role.ADMINISTRATOR, Role.LEAD, Role.STAFF, Role.FINANCE)
    return [k for k in kinds.all_kinds() if k.choosable and (staff or not k.staff_only)]


def current_choices(user: "User", choosable: Iterable[kinds.Kind]) -> dict[str, str]:
    """{kind key: channel}: the person's choice, else the default from their profile."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channel"))
    default = default_channel(contact_methods_of(user))
    return {kind.key: chosen.get(kind.key, default) for kind in choosable}


@transaction.atomic
def save_preferences(*, user: "User", choices: Mapping[str, str]) -> None:
    """Keeps a row only for the kinds where the person chose other than their default."""
    default = default_channel(contact_methods_of(user))
    for kind, channel in choices.items():
        if channel == default:
            Preference.objects.filter(user=user, kind=kind).delete()
        else:
            Preference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})


def mark_read(*, notification: Notification, now: datetime | None = None) -> None:
    Notification.objects.filter(pk=notification.pk, read_at=None).update(
        read_at=now or timezone.now()
    )


def mark_all_read(*, user: "User", now: datetime | None = None) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).update(
        read_at=now or timezone.now()
    )


# ---- the daily digest ---------------------------------------------------------


def send_digests(now: datetime | None = None) -> int:
    """Bundles each person's waiting digest messages into one notification a day, sent
    on their usual channel. The day's key makes a second run that day send nothing.
    Returns how many people got a digest."""
    now = now or timezone.now()
    people = (
        Delivery.objects.filter(
            channel=Channel.DIGEST, status=Delivery.Status.QUEUED, created_at__lte=now
        )
        .values_list("notification__recipient", flat=True)
        .distinct()
        .order_by("notification__recipient")
    )
    sent = 0
    for user_id in list(people):
        if _send_digest(user_id, now):
            sent += 1
    return sent


@transaction.atomic
def _send_digest(user_id: int, now: datetime) -> Notification | None:
    from django.contrib.auth import get_user_model

    waiting = list(
        Delivery.objects.select_for_update(of=("self",))
        .filter(
            channel=Channel.DIGEST,
            status=Delivery.Status.QUEUED,
            created_at__lte=now,
            notification__recipient_id=user_id,
        )
        .select_related("notification")
        .order_by("notification__created_at", "pk")
    )
    if not waiting:
        return None
    day = timezone.localdate(now)
    count = len(waiting)
    recipient = get_user_model().objects.get(pk=user_id)
    with in_language_of(recipient):
        body = "\n\n".join(
            [
                ngettext(
                    "Here is the %(n)s message we have for you since your last digest.",
                    "Here are the %(n)s messages we have for you since your last digest.",
                    count,
                )
                % {"n": count}
            ]
            + [f"{d.notification.subject}\n{d.notification.body}" for d in waiting]
        )
        subject = gettext("Your messages from Coproduce, %(date)s") % {
            "date": date_format(day, "j F Y")
        }
    digest = notify(
        recipient,
        "notifications.digest",
        subject=subject,
        body=body,
        url=reverse("notifications:list"),
        key=f"notifications.digest:{day.isoformat()}",
    )
    if digest is None:
        return None  # today's digest went already; these wait for tomorrow's
    Delivery.objects.filter(pk__in=[d.pk for d in waiting], status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.SENT, sent_at=now, attempts=1
    )
    return digest
