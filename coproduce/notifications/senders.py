"""The senders for text messages, letters and phone calls (decision 0027), registered
with `channels` beside email and in-app.

With a GOV.UK Notify key, texts and letters go through Notify, each with the delivery's
id as its reference. Without one, a letter waits in the letters batch for staff to print
and post, and a text becomes a contact task. A phone call is always a contact task.
A number or address that would not work, a request Notify refuses, or a send that
failed on its last try also becomes a contact task saying why, so the person is
reached another way; other failures raise, and the delivery is tried again later."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from coproduce.lib.language import in_language_of
from coproduce.people.contact_details import mobile_number

from . import channels, contact_tasks, letters, notify_client
from .models import ContactTask

Method = ContactTask.Method


def _is_last_try(delivery):
    from .actions import MAX_ATTEMPTS

    return delivery.attempts >= MAX_ATTEMPTS


def _failed(delivery, method, error):
    """A send Notify did not take: a contact task if it will never work or this was the
    last try, else raised again for the next try."""
    if error.permanent:
        return contact_tasks.open_for(
            delivery, method, gettext("Could not send: %(reason)s") % {"reason": error.reason}
        )
    if _is_last_try(delivery):
        return contact_tasks.open_for(
            delivery,
            method,
            gettext("Could not send after %(n)s tries: %(reason)s")
            % {"n": delivery.attempts, "reason": error.reason},
        )
    raise error


def _number(delivery):
    if delivery.copy_for_id:
        return delivery.copy_for.phone
    profile = getattr(delivery.notification.recipient, "profile", None)
    return profile.phone if profile else ""


def _text_parts(delivery):
    """(subject, body, link) for the text message template: the Easy Read version for
    people who asked for it; a supporter's copy as the channels word it, with no link."""
    subject, text = channels.message_for(delivery)
    notification = delivery.notification
    if delivery.copy_for_id:
        return subject, text, ""
    body = notification.body
    if notification.easy_read and "easy_read" in channels.formats_of(delivery):
        body = notification.easy_read
    return subject, body, channels.absolute(notification.url) if notification.url else ""


def send_text(delivery):
    if not notify_client.configured():
        return contact_tasks.open_for(
            delivery,
            Method.TEXT,
            gettext(
                "Text messages are not sent through GOV.UK Notify here: send this one yourself."
            ),
        )
    number = _number(delivery)
    try:
        if not number:
            raise ValidationError(gettext("There is no phone number on record."))
        number = mobile_number(number)
    except ValidationError as error:
        return contact_tasks.open_for(
            delivery,
            Method.TEXT,
            gettext("Could not text them: %(problem)s") % {"problem": " ".join(error.messages)},
        )
    subject, body, url = _text_parts(delivery)
    try:
        notify_client.send_text(
            number, subject=subject, body=body, url=url, reference=str(delivery.pk)
        )
    except notify_client.SendError as error:
        return _failed(delivery, Method.TEXT, error)
    return None


def send_letter(delivery):
    try:
        if delivery.copy_for_id:
            raise ValidationError(gettext("Supporters' copies go by email or text, not by post."))
        letter = letters.letter_for(delivery, channels.message_for(delivery))
    except ValidationError as error:
        return contact_tasks.open_for(
            delivery,
            Method.LETTER,
            gettext(
                "Could not write to them: %(problem)s Correct the address on their profile, "
                "then the letter joins the batch."
            )
            % {"problem": " ".join(error.messages)},
        )
    if not notify_client.configured():
        return contact_tasks.open_for(
            delivery,
            Method.LETTER,
            gettext(
                "Letters are not sent through GOV.UK Notify here: print it in the letters "
                "batch and post it."
            ),
        )
    with in_language_of(delivery.notification.recipient):
        title = gettext("Letter to %(name)s: %(subject)s") % {
            "name": letter.name,
            "subject": letter.subject,
        }
    pdf = letters.pdf([letter], title=title)
    try:
        notify_client.send_letter(pdf, reference=str(delivery.pk))
    except notify_client.SendError as error:
        return _failed(delivery, Method.LETTER, error)
    return None


def send_email(delivery):
    """By email; with no address on record (people need none, decision 0036), a task for
    staff to reach them another way instead of a send that fails on every try."""
    if not channels.email_address(delivery):
        return contact_tasks.open_for(
            delivery,
            Method.PHONE,
            gettext(
                "There is no email address on record: reach them another way, or add "
                "their mobile number or postal address to their profile."
            ),
        )
    return channels.send_by_email(delivery)


def ask_staff_to_phone(delivery):
    person = delivery.notification.recipient
    profile = getattr(person, "profile", None)
    if not delivery.copy_for_id and not person.email and not (profile and profile.phone):
        reason = gettext(
            "They have no email address, mobile or phone number on record: give them this "
            "message the way staff support them."
        )
    else:
        reason = gettext("They asked for a phone call: phone them with this message.")
    return contact_tasks.open_for(delivery, Method.PHONE, reason)
