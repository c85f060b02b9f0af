"""The language a message to someone is written in: the one on their account, else the
site's default. Every message on every channel is built inside `in_language_of(person)`,
so a Welsh speaker gets Welsh whoever, or whatever job, sent it (decision 0038)."""

from contextlib import AbstractContextManager
from typing import Protocol

from django.conf import settings
from django.utils import translation


class HasLanguage(Protocol):
    language: str


def language_of(person: HasLanguage | None) -> str:
    return (
        (getattr(person, "language", "") or settings.LANGUAGE_CODE)
        if person
        else settings.LANGUAGE_CODE
    )


def in_language_of(person: HasLanguage | None) -> AbstractContextManager[None]:
    """`with in_language_of(recipient): subject = gettext(...)`."""
    return translation.override(language_of(person))
