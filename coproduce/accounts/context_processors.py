from coproduce.lib.navigation import items_for

from . import display


def display_preferences(request):
    shown = display.shown(request)
    return {"display_classes": shown.html_classes(), "font_stylesheet": shown.font_stylesheet}


def navigation(request):
    if not hasattr(request, "user"):
        return {"navigation": []}
    return {"navigation": items_for(request)}
