"""Checks on phone numbers and postal addresses, used by the profile form (a clear error
for whoever types one in) and by the channels that send to them (a text to a number
that cannot take one, or a letter to an address the post cannot deliver, becomes a task
for staff saying why, instead of a send).

Phone numbers are read with `phonenumbers` (Google's libphonenumber rules): a UK
number, with or without its 0, or any number written with + and its country code.
Postal addresses follow GOV.UK Notify's rules for letters, which suit any window
envelope: with the person's name, 3 to 7 lines, the last a UK postcode or the name of a
country outside the UK."""

import re
from functools import cache

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumberType, geocoder

PHONE_ERROR = _(
    "Enter a phone number, like 07700 900 982 or 0113 496 0000. For a number outside the "
    "UK, start with + and the country code, like +33 1 23 45 67 89."
)
# Ofcom keeps 07700 900000 to 900999 for drama and examples: never anyone's phone, so the
# demo data and tests use them. libphonenumber calls them unallocated; here they count as
# mobile numbers.
EXAMPLE_MOBILES = re.compile(r"^\+447700900[0-9]{3}$")
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
MOST_LINES = 6  # the name takes the 7th line Notify allows
POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")


def phone_number(text):
    """The number in international form (+447700900982). Raises ValidationError."""
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        raise ValidationError(PHONE_ERROR, code="invalid") from None
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not (phonenumbers.is_valid_number(number) or EXAMPLE_MOBILES.match(international)):
        raise ValidationError(PHONE_ERROR, code="invalid")
    return international


def mobile_number(text):
    """The number in international form, if a text message can go to it. Raises
    ValidationError saying why not."""
    international = phone_number(text)
    if EXAMPLE_MOBILES.match(international):
        return international
    if phonenumbers.number_type(phonenumbers.parse(international)) not in MOBILE_TYPES:
        raise ValidationError(
            gettext("This is not a mobile phone number, so it cannot take text messages."),
            code="not_mobile",
        )
    return international


def validate_phone(text):
    """For form fields: an empty field is left to `required`."""
    if text:
        phone_number(text)


def address_lines(text):
    """The lines of a postal address as typed: one a line, or separated by commas."""
    lines = [line.strip(" ,") for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return lines


@cache
def _countries():
    names = set()
    for region in phonenumbers.SUPPORTED_REGIONS - {"GB"}:
        example = phonenumbers.example_number(region)
        if example:
            names.add(geocoder.country_name_for_number(example, "en").casefold())
    return names - {""}


def postal_address(text):
    """The address as lines ready for an envelope, the postcode tidied. Raises
    ValidationError saying what is missing."""
    lines = address_lines(text)
    if len(lines) < 2:
        raise ValidationError(
            gettext(
                "Enter the full postal address, with the street, town and postcode on their "
                "own lines."
            ),
            code="short",
        )
    if len(lines) > MOST_LINES:
        raise ValidationError(
            gettext("A postal address can have at most %(most)s lines. Put more on each line.")
            % {"most": MOST_LINES},
            code="long",
        )
    last = lines[-1]
    postcode = re.sub(r"\s+", "", last.upper())
    if POSTCODE.match(postcode):
        lines[-1] = f"{postcode[:-3]} {postcode[-3:]}"
    elif last.casefold() not in _countries():
        raise ValidationError(
            gettext(
                "The last line of the address must be a UK postcode, like SW1A 2AA. Or it must be the "
                "name of the country for an address outside the UK."
            ),
            code="no_postcode",
        )
    return lines


def validate_address(text):
    """For form fields: an empty field is left to `required`."""
    if text:
        postal_address(text)
