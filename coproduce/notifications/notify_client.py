"""GOV.UK Notify, through its official Python client, for text messages and letters
(decision 0027). Used only when `NOTIFY_API_KEY` is set; without it letters go into the
print batch (`letters.py`) and text messages become contact tasks for staff.

Text messages use one template in Notify with the fields ((subject)), ((body)) and
((url)); letters are sent precompiled, as the PDF `letters.py` makes, so a large print
letter is large print and the letter Notify posts is the one staff can see.

Every send carries `reference`, the delivery's id, so a send can be matched to its
delivery in Notify's own records."""

import io

from django.conf import settings
from notifications_python_client import NotificationsAPIClient
from notifications_python_client.errors import APIError

# Notify refuses a text message longer than this many characters.
TEXT_LIMIT = 918
TIMEOUT_SECONDS = 20


class SendError(Exception):
    """Notify did not take the message. `permanent` when sending it again as it is
    cannot work (Notify said the request itself was wrong, for example the number);
    otherwise it may work later (Notify or the network was down, or too busy)."""

    def __init__(self, reason, *, permanent):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


def configured():
    return bool(settings.NOTIFY_API_KEY)


def _client():
    options = {"timeout": TIMEOUT_SECONDS}
    if settings.NOTIFY_BASE_URL:
        options["base_url"] = settings.NOTIFY_BASE_URL
    return NotificationsAPIClient(settings.NOTIFY_API_KEY, **options)


def _sent(call):
    """Runs one request to Notify; returns Notify's id for the message."""
    try:
        response = call()
    except APIError as error:
        # 400 is a request Notify will never accept (a number it cannot send to, a
        # letter it cannot print); 403 (a key that is wrong or revoked), 429 (too many)
        # and 5xx may work once someone fixes the key or Notify recovers.
        raise SendError(_reason(error), permanent=error.status_code == 400) from error
    return str((response or {}).get("id", ""))


def _reason(error):
    """Notify's own words for what went wrong, short enough to show staff."""
    message = error.message
    if isinstance(message, list):
        message = "; ".join(str(item.get("message", item)) for item in message)
    return f"GOV.UK Notify answered {error.status_code}: {message}"[:300]


def text_content(subject, body, url):
    """The three fields of the text message template, together within Notify's limit."""
    room = TEXT_LIMIT - len(subject) - len(url) - 10
    if len(body) > room:
        body = body[: max(room - 1, 0)].rstrip() + "…"
    return {"subject": subject, "body": body, "url": url}


def send_text(phone_number, *, subject, body, url, reference):
    """Sends a text message; returns Notify's id for it. Raises SendError."""
    return _sent(
        lambda: _client().send_sms_notification(
            phone_number=phone_number,
            template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
            personalisation=text_content(subject, body, url),
            reference=reference,
        )
    )


def send_letter(pdf, *, reference):
    """Sends one precompiled letter (a PDF made to Notify's letter specification);
    returns Notify's id for it. Raises SendError."""
    return _sent(
        lambda: _client().send_precompiled_letter_notification(
            reference=reference, pdf_file=io.BytesIO(pdf)
        )
    )
