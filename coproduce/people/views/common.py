"""What the people pages share."""

from django.contrib.auth import get_user_model
from django.db.models import Value
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from ..models import AccessPassport, ActionBySupporter, Authority, Profile

User = get_user_model()


def posted(request):
    """The POST data on a POST, even when empty (every field may be optional)."""
    return request.POST if request.method == "POST" else None


def person_from(request, pk):
    return get_object_or_404(User, pk=pk)


HISTORY_FIELDS = ("history_date", "history_type", "history_user", "history_change_reason")


def history_of(person):
    """Changes to the profile and passport, the powers the person gave supporters, and
    what supporters did for them, newest first, with who and why. Only the when, who and
    why are loaded: never the old contents of the passport."""
    entries = []
    what_happened = {
        ("profile", True): gettext("Profile started"),
        ("profile", False): gettext("Profile changed"),
        ("passport", True): gettext("Access passport started"),
        ("passport", False): gettext("Access passport changed"),
    }
    # The profile's and the passport's histories in one query, newest first.
    columns = ("history_date", "history_type", "history_user_id", "history_change_reason")
    columns += ("history_user__name", "history_user__email", "record")
    profile = Profile.history.filter(user_id=person.pk).annotate(record=Value("profile"))
    passport = AccessPassport.history.filter(user_id=person.pk).annotate(record=Value("passport"))
    changes = (
        profile.order_by()
        .values(*columns)
        .union(passport.order_by().values(*columns), all=True)
        .order_by("-history_date")[:50]
    )
    entries.extend(
        {
            "when": e["history_date"],
            "what": what_happened[e["record"], e["history_type"] == "+"],
            "by": e["history_user__name"]
            or e["history_user__email"]
            or (e["history_user_id"] and f"Person {e['history_user_id']}"),
            "by_self": e["history_user_id"] == person.pk,
            "reason": e["history_change_reason"] or "",
        }
        for e in changes
    )
    powers = (
        Authority.history.filter(person_id=person.pk)
        .select_related("history_user", "supporter")
        .only(
            *HISTORY_FIELDS,
            "withdrawn_at",
            "history_user__name",
            "history_user__email",
            "supporter__name",
            "supporter__email",
        )
        .order_by("-history_date")[:50]
    )
    entries.extend(
        {
            "when": e.history_date,
            "what": (
                gettext("Withdrew powers to act for you: %(supporter)s")
                if e.withdrawn_at
                else gettext("Gave powers to act for you: %(supporter)s")
            )
            % {"supporter": e.supporter},
            "by": e.history_user,
            "by_self": e.history_user_id == person.pk,
            "reason": "",
        }
        for e in powers
    )
    done_for_them = (
        ActionBySupporter.objects.filter(person=person)
        .select_related("acted_by")
        .only("what", "at", "acted_by__name", "acted_by__email")[:50]
    )
    entries.extend(
        {
            "when": e.at,
            "what": e.what,
            "by": e.acted_by,
            "by_self": False,
            "supporter": True,
            "reason": "",
        }
        for e in done_for_them
    )
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:50]
