"""What the people pages share."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from ..models import AccessPassport, Profile

User = get_user_model()


def posted(request):
    """The POST data on a POST, even when empty (every field may be optional)."""
    return request.POST if request.method == "POST" else None


def person_from(request, pk):
    return get_object_or_404(User, pk=pk)


HISTORY_FIELDS = ("history_date", "history_type", "history_user", "history_change_reason")


def history_of(person):
    """Changes to the profile and passport, newest first, with who and why. Only
    the when, who and why are loaded: never the old contents of the passport."""
    entries = []
    for model, what in ((Profile, "Profile"), (AccessPassport, "Access passport")):
        rows = (
            model.history.filter(user_id=person.pk)
            .select_related("history_user")
            .only(*HISTORY_FIELDS, "history_user__name", "history_user__email")
            .order_by("-history_date")[:50]
        )
        entries.extend((entry, what) for entry in rows)
    entries.sort(key=lambda pair: pair[0].history_date, reverse=True)
    return [
        {
            "when": e.history_date,
            "what": what,
            "created": e.history_type == "+",
            "by": e.history_user,
            "by_self": e.history_user_id == person.pk,
            "reason": e.history_change_reason or "",
        }
        for e, what in entries[:50]
    ]
