"""Signing in without an email address (decision 0036): a printed sign-in card staff
issue, or a 6-digit code by text message. Both are single use, expire, and are kept
only as a keyed hash, so a code is seen once, by the person it is for."""

import secrets

from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac

from coproduce.people.contact_details import mobile_number
from coproduce.people.models import Profile

# Capital letters and digits that cannot be mistaken for each other (no O and 0, no I
# and 1), read aloud or typed from a card: 32**10 cards, so guessing one is hopeless.
CARD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CARD_LENGTH = 10


def hashed(code: str) -> str:
    return salted_hmac("coproduce.notifications.signing_in", code).hexdigest()


def new_card_code() -> str:
    return "".join(secrets.choice(CARD_ALPHABET) for _ in range(CARD_LENGTH))


def new_text_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def card_code_as_typed(text: str) -> str:
    """The code as stored, from what was typed: spaces, dashes and case ignored."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def card_code_shown(code: str) -> str:
    """In two groups of five, easier to read from a card and to type."""
    return f"{code[:5]}-{code[5:]}"


def text_code_as_typed(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def people_with_mobile(number: str) -> list[int]:
    """The ids of people whose profile phone number is this mobile number, however it
    was typed. Profiles store numbers as people wrote them, so the last three digits
    (written together in every usual layout) narrow the search before each candidate
    is read properly."""
    found = []
    candidates = Profile.objects.filter(phone__contains=number[-3:], user__is_active=True)
    for user_id, phone in candidates.values_list("user_id", "phone"):
        try:
            if mobile_number(phone) == number:
                found.append(user_id)
        except ValidationError:
            continue
    return found
