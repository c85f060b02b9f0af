"""Senders, one per channel, behind one dispatch: `deliver(delivery)`.

A sender takes a Delivery and sends it. It returns None when the message went, or
`Delivery.Status.STAFF_TASK` when it left the work for staff (a phone call, a letter to
print); it raises when sending failed, and the delivery is tried again later.
Other channels register their senders here (`register("text", send_text)`); until a
channel has a sender, its deliveries become staff tasks with a note saying so, and the
message waits in the person's notifications in the app."""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of

from .models import Channel, Delivery

Sender = Callable[[Delivery], str | None]

_SENDERS: dict[str, Sender] = {}


def register(channel: str, sender: Sender) -> None:
    _SENDERS[channel] = sender


def has_sender(channel: str) -> bool:
    return channel in _SENDERS


def deliver(delivery: Delivery) -> str:
    """Sends one delivery on its channel; returns the status it ends with."""
    sender = _SENDERS.get(delivery.channel)
    if sender is None:
        channel = Channel(delivery.channel).label.lower()
        if delivery.copy_for_id:
            delivery.last_error = gettext(
                "Sending by %(channel)s is not set up yet: contact their supporter that way "
                "yourself. The message is in their notifications."
            ) % {"channel": channel}
        else:
            delivery.last_error = gettext(
                "Sending by %(channel)s is not set up yet: contact this person that way "
                "yourself. The message is in their notifications."
            ) % {"channel": channel}
        return Delivery.Status.STAFF_TASK
    return sender(delivery) or Delivery.Status.SENT


def absolute(path: str) -> str:
    return settings.COPRODUCE_SITE_URL.rstrip("/") + path


def formats_of(delivery: Delivery) -> list[str]:
    """The person's chosen formats (people.models.Format values); none for a supporter's copy."""
    if delivery.copy_for_id:
        return []
    profile = getattr(delivery.notification.recipient, "profile", None)
    return list(profile.formats) if profile else []


def message_for(delivery: Delivery) -> tuple[str, str]:
    """(subject, plain text) for any channel: the Easy Read version first for people who
    asked for Easy Read, the link to open it, and for a supporter's copy only the subject
    and body, saying whose copy it is. The words around the message are in the language
    of the person it is for (a supporter's copy too: they act in the person's language)."""
    notification = delivery.notification
    with in_language_of(notification.recipient):
        if delivery.copy_for_id:
            name = notification.recipient.name or gettext("someone you support")
            text = "\n\n".join(
                [
                    gettext("%(name)s asked us to copy you in on messages like this one.")
                    % {"name": name},
                    notification.body,
                    gettext("If you should not get these, please tell %(name)s.") % {"name": name},
                ]
            )
            return gettext("Copy for you: %(subject)s") % {"subject": notification.subject}, text
        parts = []
        if notification.easy_read and "easy_read" in formats_of(delivery):
            parts += [notification.easy_read, gettext("The full message:")]
        parts.append(notification.body)
        if notification.url:
            parts.append(gettext("Open it: %(url)s") % {"url": absolute(notification.url)})
        parts.append(
            gettext("To change how we contact you: %(url)s")
            % {"url": absolute(reverse("notifications:preferences"))}
        )
        return notification.subject, "\n\n".join(parts)


def email_address(delivery: Delivery) -> str:
    if delivery.copy_for_id:
        return delivery.copy_for.email
    return delivery.notification.recipient.email


def send_by_email(delivery: Delivery) -> None:
    address = email_address(delivery)
    if not address:
        raise ValueError("There is no email address to send to.")
    subject, text = message_for(delivery)
    send_mail(subject, text, None, [address])


def show_in_app(delivery: Delivery) -> None:
    """The notification is stored and listed already: nothing more to send."""
