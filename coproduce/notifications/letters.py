"""Letters as PDF: one letter for GOV.UK Notify to print and post, or a batch of letters
for staff to print, each starting on a new page, the address placed for a window
envelope, in large print for people who asked for it (decision 0027). A large print
letter also uses the font and background tint the person chose in their display settings
(decision 0037).

The PDF is tagged (PDF/UA-1), with the language and a title, like the board report."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.accounts import display
from coproduce.accounts.models import Font, Tint
from coproduce.lib.language import language_of
from coproduce.people.contact_details import postal_address
from coproduce.people.models import Format


@dataclass(frozen=True)
class Letter:
    name: str
    address: tuple[str, ...]  # the lines below the name, the postcode (or country) last
    subject: str
    paragraphs: tuple[str, ...]
    large_print: bool
    date: date
    language: str = settings.LANGUAGE_CODE  # the recipient's: the letter's own words in it
    font: str = Font.STANDARD
    tint: str = Tint.NONE


def pdf(letters, *, title):
    from weasyprint import HTML

    return HTML(string=render_html(letters, title=title)).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=True
    )


def render_html(letters, *, title):
    letters = list(letters)
    return render_to_string(
        "notifications/letters.pdf.html",
        {
            "letters": [_with_name(letter) for letter in letters],
            "font_faces": display.print_font_faces(letter.font for letter in letters),
            "tints": {
                letter.tint: display.TINT_COLOURS[letter.tint]
                for letter in letters
                if letter.tint in display.TINT_COLOURS
            },
            "title": title,
            "organisation": settings.COPRODUCE_ORGANISATION_NAME,
            "contact_email": settings.COPRODUCE_CONTACT_EMAIL,
            # The document's language: the letters' one if they share it, else the site's.
            "lang": "cy"
            if letters and all(letter.language == "cy" for letter in letters)
            else "en-GB",
        },
    )


def _with_name(letter):
    return {
        "address": (letter.name, *letter.address),
        "name": letter.name,
        "subject": letter.subject,
        "paragraphs": letter.paragraphs,
        "large_print": letter.large_print,
        "date": letter.date,
        "language": letter.language,
        "lang": "cy" if letter.language == "cy" else "en-GB",
        "font_family": display.print_font_family(letter.font),
        "tint": letter.tint if letter.tint in display.TINT_COLOURS else "",
    }


def letter_for(delivery, message):
    """The letter for a delivery to its recipient, with `message` the (subject, text) the
    channels give every channel. Raises ValidationError when their postal address is
    missing or would not reach them."""
    person = delivery.notification.recipient
    profile = getattr(person, "profile", None)
    text = (profile.address if profile else "").strip()
    if not text:
        raise ValidationError(
            gettext("There is no postal address on their profile."), code="missing"
        )
    subject, body = message
    large_print = bool(profile and Format.LARGE_PRINT in profile.formats)
    return Letter(
        name=person.name,
        address=tuple(postal_address(text)),
        subject=subject,
        paragraphs=tuple(part.strip() for part in body.split("\n\n") if part.strip()),
        large_print=large_print,
        date=timezone.localdate(),
        language=language_of(person),
        font=person.font if large_print else Font.STANDARD,
        tint=person.shown_tint if large_print else Tint.NONE,
    )
