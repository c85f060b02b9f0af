"""Display preferences: saved on the account when signed in, else in a cookie."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

from .models import Contrast, DisplayPreferences, Font, TextSize, Tint

COOKIE_NAME = "cp_display"
COOKIE_AGE = 365 * 24 * 60 * 60
FIELDS = ("text_size", "contrast", "wide_spacing", "reduce_motion", "font", "tint")


def from_cookie(value):
    """Reads `t-125.c-high.s-1.m-0.f-opendyslexic.b-cream`; parts may be missing or in
    any order (cookies from before the font and tint choices have none), and anything
    not understood keeps its default."""
    prefs = {
        "text_size": TextSize.NORMAL,
        "contrast": Contrast.STANDARD,
        "wide_spacing": False,
        "reduce_motion": False,
        "font": Font.STANDARD,
        "tint": Tint.NONE,
    }
    for part in (value or "").split("."):
        key, _, setting = part.partition("-")
        if key == "t" and setting.isdecimal() and int(setting) in TextSize.values:
            prefs["text_size"] = int(setting)
        elif key == "c" and setting in Contrast.values:
            prefs["contrast"] = setting
        elif key == "s":
            prefs["wide_spacing"] = setting == "1"
        elif key == "m":
            prefs["reduce_motion"] = setting == "1"
        elif key == "f" and setting in Font.values:
            prefs["font"] = setting
        elif key == "b" and setting in Tint.values:
            prefs["tint"] = setting
    return prefs


def to_cookie(prefs):
    return (
        f"t-{prefs['text_size']}.c-{prefs['contrast']}."
        f"s-{int(bool(prefs['wide_spacing']))}.m-{int(bool(prefs['reduce_motion']))}."
        f"f-{prefs['font']}.b-{prefs['tint']}"
    )


class _Holder:
    """Plain object with the preference fields, for DisplayPreferences' methods."""

    def __init__(self, **prefs):
        self.__dict__.update(prefs)

    html_classes = DisplayPreferences.html_classes
    font_stylesheet = DisplayPreferences.font_stylesheet
    shown_tint = DisplayPreferences.shown_tint


def current(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return {field: getattr(user, field) for field in FIELDS}
    return from_cookie(request.COOKIES.get(COOKIE_NAME))


def shown(request):
    """The person's display preferences, as an object with html_classes() and
    font_stylesheet."""
    return _Holder(**current(request))


# For PDFs, which do not use the site's stylesheets. The tints are those of
# assets/scss/_display-preferences.scss (accounts/tests/test_tints.py checks they agree).
TINT_COLOURS = {
    Tint.CREAM: "#fbf5e0",
    Tint.BLUE: "#dbe9f6",
    Tint.GREEN: "#ddf0dc",
    Tint.GREY: "#e8e8e8",
}
# Each font's family and its files in dist/fonts/, as build.mjs copies them. Atkinson
# Hyperlegible's Welsh letters (ŵ, ŷ) are in a second file, given its own family name
# so the PDF falls back to it letter by letter.
PRINT_FONTS = {
    Font.HYPERLEGIBLE: (
        ("Atkinson Hyperlegible Next", "atkinson-hyperlegible-next-latin"),
        ("Atkinson Hyperlegible Next Extended", "atkinson-hyperlegible-next-latin-ext"),
    ),
    Font.OPENDYSLEXIC: (("OpenDyslexic", "opendyslexic-latin"),),
}


def print_font_faces(fonts):
    """The @font-face rules a PDF needs for these font choices: family, weight and the
    font file's URL on this machine."""
    faces = []
    for font in sorted(set(fonts) & set(PRINT_FONTS)):
        for family, stem in PRINT_FONTS[font]:
            for weight in (400, 700):
                name = f"dist/fonts/{stem}-{weight}-normal.woff2"
                path = finders.find(name) or staticfiles_storage.path(name)
                faces.append({"family": family, "weight": weight, "url": Path(path).as_uri()})
    return faces


def print_font_family(font):
    """The CSS font-family list for a PDF in this font choice ('' for the standard one)."""
    families = [f'"{family}"' for family, _stem in PRINT_FONTS.get(font, ())]
    return ", ".join(families)
