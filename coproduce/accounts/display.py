"""Display preferences: saved on the account when signed in, else in a cookie."""

from .models import Contrast, DisplayPreferences, TextSize

COOKIE_NAME = "cp_display"
COOKIE_AGE = 365 * 24 * 60 * 60


def from_cookie(value):
    prefs = {
        "text_size": TextSize.NORMAL,
        "contrast": Contrast.STANDARD,
        "wide_spacing": False,
        "reduce_motion": False,
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
    return prefs


def to_cookie(prefs):
    return (
        f"t-{prefs['text_size']}.c-{prefs['contrast']}."
        f"s-{int(bool(prefs['wide_spacing']))}.m-{int(bool(prefs['reduce_motion']))}"
    )


class _Holder:
    """Plain object with the preference fields, for html_classes()."""

    def __init__(self, **prefs):
        self.__dict__.update(prefs)

    html_classes = DisplayPreferences.html_classes


def current(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return {
            field: getattr(user, field)
            for field in ("text_size", "contrast", "wide_spacing", "reduce_motion")
        }
    return from_cookie(request.COOKIES.get(COOKIE_NAME))


def html_classes(request):
    return _Holder(**current(request)).html_classes()
