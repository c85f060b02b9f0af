"""Content staff write in English, with an optional Welsh version: which version a
reader sees, in which language, and the note when it is not in their language.

Welsh fields are named after the English ones with `_cy` added (`title_cy`,
`body_html_cy`). A reader whose active language is Welsh sees the Welsh version when
there is one; everyone else sees the English. When only one version exists it is shown,
marked with its own language, with a note saying so (decision 0037)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext

WELSH = "cy"
ENGLISH = "en-GB"


def reader_wants_welsh() -> bool:
    return (get_language() or "").lower().startswith(WELSH)


class Version(str):
    """One version of a passage: its text (the string itself, so it sorts, compares and
    prints as the text), the language it is in (for `lang`), and a note for the reader
    when it is not in the language they chose ('' when it is)."""

    lang: str
    note: str

    def __new__(cls, text: str, lang: str, note: str = "") -> Version:
        version = super().__new__(cls, text)
        version.lang = lang
        version.note = note
        return version

    @property
    def text(self) -> str:
        return str(self)


def pick(english: str, welsh: str) -> Version:
    """The version of a passage for the reader's language."""
    english, welsh = english or "", welsh or ""
    if reader_wants_welsh():
        if welsh.strip():
            return Version(welsh, WELSH)
        if english.strip():
            return Version(english, ENGLISH, gettext("This is only available in English."))
        return Version("", WELSH)
    if english.strip() or not welsh.strip():
        return Version(english, ENGLISH)
    return Version(welsh, WELSH, gettext("This is only available in Welsh."))


def pick_field(obj: Any, field: str) -> Version:
    """`pick` for a model field and its Welsh twin, `<field>_cy`."""
    return pick(getattr(obj, field, ""), getattr(obj, f"{field}_cy", ""))


def welsh_field_names(names: list[str]) -> list[str]:
    """The Welsh fields among a form's fields, which go in a fieldset of their own."""
    return [name for name in names if name.endswith(f"_{WELSH}")]
