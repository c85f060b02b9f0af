"""The language a message to someone is written in: the one on their account, else the
site's default. Every message on every channel is built inside `in_language_of(person)`,
so a Welsh speaker gets Welsh whoever, or whatever job, sent it (decision 0038)."""

import gettext
from contextlib import AbstractContextManager
from typing import Any, Protocol

from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real


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


def drop_empty_fallbacks() -> None:
    """Python's gettext loads, for en-GB, each app's en_GB catalogue with its en one as
    a fallback. Django's own en catalogues hold only their header, and an English page's
    texts are in no catalogue (English is what they are written in), so every text was
    looked for in six empty catalogues after the real ones: half of each lookup, about
    1 ms of a list page. Each language's translation is loaded once per process, so
    this runs at start-up (LibConfig.ready) and leaves out catalogues with nothing in."""
    for code, _name in settings.LANGUAGES:
        # gettext's chain of fallbacks has no public way to take one out.
        node: Any = trans_real.translation(code)
        while node._fallback is not None:
            after: Any = node._fallback
            if type(after) is gettext.GNUTranslations and _holds_nothing(after):
                node._fallback = after._fallback  # type: ignore[attr-defined]
            else:
                node = after


def _holds_nothing(catalogue: Any) -> bool:
    return set(catalogue._catalog) <= {""}  # only the header, under the empty text
