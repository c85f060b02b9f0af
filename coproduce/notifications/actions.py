"""Notification use cases. `notify()` is how every app tells a person something:
it stores the notification, and once the transaction commits queues its delivery on
the channel the person chose for that kind of message, with copies for supporters
they asked us to copy in (decision 0026)."""

import logging
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from coproduce.lib.language import in_language_of, language_of
from coproduce.people.contact_details import mobile_number
from coproduce.people.models import ContactMethod, Profile, SupportPerson

from . import contact_tasks, kinds, notify_client, signing_in
from .channels import deliver
from .models import (
    Channel,
    ContactTask,
    Delivery,
    Notification,
    Preference,
    SignInCard,
    SignInCode,
)

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
        channel = default_channel(contact_methods_of(user))
    if channel == Channel.EMAIL and not user.email:
        return without_email(user)
    return channel


def without_email(user: "User") -> str:
    """For a person with no email address (decision 0036): a text to their mobile, else
    a letter to their address, else a phone call, which is a task for staff, who reach
    them however they are supported."""
    profile = Profile.objects.filter(user=user).only("phone", "address").first()
    if profile is not None and profile.phone:
        try:
            mobile_number(profile.phone)
        except ValidationError:
            pass
        else:
            return Channel.TEXT
    if profile is not None and profile.address.strip():
        return Channel.LETTER
    return Channel.PHONE


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
                    language=language_of(recipient),
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


# ---- signing in without email (decision 0036) -------------------------------------

CARD_DAYS = 30
CODE_MINUTES = 10
CODE_TRIES = 5


def _may_use(person: "User") -> None:
    if not person.may_sign_in_without_email:
        raise ValidationError(
            gettext(
                "Staff accounts sign in with a password and a second check, never with a "
                "card or a text code."
            )
        )


@transaction.atomic
def issue_sign_in_card(*, person: "User", issued_by: "User") -> tuple[SignInCard, str]:
    """A new card for `person`, and its code, which is shown once, on the page staff
    print. An earlier card still usable is cancelled: one card works at a time."""
    _may_use(person)
    now = timezone.now()
    for earlier in SignInCard.objects.select_for_update().filter(
        person=person, used_at=None, cancelled_at=None, expires_at__gt=now
    ):
        _cancel(earlier, issued_by, gettext("A new card was printed."), now)
    code = signing_in.new_card_code()
    card = SignInCard(
        person=person,
        code_hash=signing_in.hashed(code),
        issued_by=issued_by,
        issued_at=now,
        expires_at=now + timedelta(days=CARD_DAYS),
    )
    card._history_user = issued_by  # type: ignore[attr-defined]
    card.save()
    return card, code


def _cancel(card: SignInCard, by: "User", reason: str, now: datetime) -> None:
    card.cancelled_at, card.cancelled_by, card.cancel_reason = now, by, reason[:300]
    card._history_user = by  # type: ignore[attr-defined]
    card._change_reason = reason[:100]  # type: ignore[attr-defined]
    card.save(update_fields=["cancelled_at", "cancelled_by", "cancel_reason"])


@transaction.atomic
def cancel_sign_in_card(*, card: SignInCard, cancelled_by: "User", reason: str) -> SignInCard:
    """A lost or unwanted card stops working at once; the reason is kept."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(gettext("Say why you are cancelling the card."))
    card = SignInCard.objects.select_for_update().get(pk=card.pk)
    if not card.is_usable:
        raise ValidationError(gettext("This card cannot be used any more already."))
    _cancel(card, cancelled_by, reason, timezone.now())
    return card


@transaction.atomic
def sign_in_with_card(*, code: str) -> "User | None":
    """The person whose usable card has this code, the card now used; else None."""
    typed = signing_in.card_code_as_typed(code)
    if len(typed) != signing_in.CARD_LENGTH:
        return None
    card = (
        SignInCard.objects.select_for_update()
        .select_related("person")
        .filter(code_hash=signing_in.hashed(typed))
        .first()
    )
    if card is None or not card.is_usable or not card.person.may_sign_in_without_email:
        return None
    card.used_at = timezone.now()
    card._history_user = card.person  # type: ignore[attr-defined]
    card.save(update_fields=["used_at"])
    return card.person


def _text_the_code(number: str, code: str, reference: str) -> None:
    try:
        notify_client.send_text(
            number,
            subject=gettext("Your Coproduce sign-in code"),
            body=gettext(
                "Your code is %(code)s. It works once, for %(minutes)s minutes. "
                "Nobody from Coproduce will ever ask you for it."
            )
            % {"code": code, "minutes": CODE_MINUTES},
            url="",
            reference=reference,
        )
    except notify_client.SendError:
        logger.warning("Could not text sign-in code %s", reference)


def _ask_staff_for_code(person: "User") -> None:
    """Texts are not sent from here: staff see that the person wants to sign in, and
    give them a sign-in card instead. No code is made, so staff never see one."""
    notification = Notification.objects.create(
        recipient=person,
        kind="notifications.sign_in_code",
        subject=gettext("You asked for a sign-in code"),
        body=gettext("Someone from our team will contact you to help you sign in."),
    )
    delivery = Delivery.objects.create(
        notification=notification, channel=Channel.TEXT, status=Delivery.Status.STAFF_TASK
    )
    contact_tasks.open_for(
        delivery,
        ContactTask.Method.TEXT,
        gettext(
            "They asked for a sign-in code by text, and texts are not sent from here. "
            "Print them a sign-in card from their page and read or post them its code."
        ),
    )
    delivery.save(update_fields=["last_error"])


@transaction.atomic
def request_sign_in_code(*, number: str, now: datetime | None = None) -> bool:
    """Sends a new code to the one person with this mobile number, or when texts are
    not sent from here asks staff to help them. Says nothing to whoever asked about
    whether the number is known: returns True only for tests and logs."""
    number = mobile_number(number)
    people = signing_in.people_with_mobile(number)
    if len(people) != 1:
        return False  # unknown, or shared by several people: a card is the way in
    from coproduce.accounts.models import User

    person = User.objects.get(pk=people[0])
    if not person.may_sign_in_without_email:
        return False
    if not notify_client.configured():
        _ask_staff_for_code(person)
        return True
    now = now or timezone.now()
    SignInCode.objects.filter(person=person, used_at=None).update(expires_at=now)
    code = signing_in.new_text_code()
    sign_in_code = SignInCode.objects.create(
        person=person,
        code_hash=signing_in.hashed(f"{person.pk}:{code}"),
        created_at=now,
        expires_at=now + timedelta(minutes=CODE_MINUTES),
    )
    reference = f"sign-in-{sign_in_code.pk}"
    transaction.on_commit(lambda: _text_the_code(number, code, reference), robust=True)
    return True


@transaction.atomic
def sign_in_with_code(*, number: str, code: str, now: datetime | None = None) -> "User | None":
    """The person with this mobile number, if `code` is their newest code, still in
    time and not used; the code is then used. Each wrong try counts, and after
    CODE_TRIES the code stops working."""
    now = now or timezone.now()
    try:
        number = mobile_number(number)
    except ValidationError:
        return None
    people = signing_in.people_with_mobile(number)
    if len(people) != 1:
        return None
    sign_in_code = (
        SignInCode.objects.select_for_update()
        .select_related("person")
        .filter(person_id=people[0], used_at=None, expires_at__gt=now, tries__lt=CODE_TRIES)
        .order_by("-created_at", "-pk")
        .first()
    )
    if sign_in_code is None or not sign_in_code.person.may_sign_in_without_email:
        return None
    typed = signing_in.text_code_as_typed(code)
    if sign_in_code.code_hash != signing_in.hashed(f"{sign_in_code.person_id}:{typed}"):
        SignInCode.objects.filter(pk=sign_in_code.pk).update(tries=F("tries") + 1)
        return None
    sign_in_code.used_at = now
    sign_in_code.save(update_fields=["used_at"])
    return sign_in_code.person
