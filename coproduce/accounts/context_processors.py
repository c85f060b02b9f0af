from coproduce.lib.navigation import items_for

from . import display


def display_preferences(request):
    return {"display_classes": display.html_classes(request)}


def navigation(request):
    if not hasattr(request, "user"):
        return {"navigation": []}
    return {"navigation": items_for(request)}
