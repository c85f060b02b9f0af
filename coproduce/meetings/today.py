"""What meetings put on each person's Today (lib.today): invitations to answer,
their next meetings with the state of their own arrangements, papers ready, feedback
to give; for those organising, arrangements they own, attendance to record and papers
late for the notice period; for the lead, feedback to follow up.

Each provider costs a fixed number of queries, however many meetings there are; those
reading the same rows share one query (lib.today.once), and the lead's count of
follow-ups is read with the other apps' counts (lib.today.register_counts)."""

from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import (
    Exists,
    F,
    JSONField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role
from coproduce.lib.today import (
    INFORMATION,
    OVERDUE,
    Item,
    count_of,
    counted,
    joined_of,
    oldest_of,
    once,
    split_joined,
    urgency_for,
)
from coproduce.people.models import Authority, Profile

from .models import (
    AlternativeFormat,
    Arrangement,
    Attendance,
    Feedback,
    FeedbackGiven,
    Invitation,
    Material,
    Meeting,
)
from .organising import meetings_organised_by

SHOWN = 10  # at most this many items of one kind; the rest are one link away
NEXT_SHOWN = 3  # the next meetings the person said they would come to
RUNS_MEETINGS = (Role.LEAD, Role.STAFF)


def _home():
    return reverse("accounts:home")


def _with_next(url):
    return f"{url}?{urlencode({'next': _home()})}"


def _on(moment):
    local = timezone.localtime(moment)
    return gettext("%(day)s at %(time)s") % {
        "day": date_format(local, "l j F"),
        "time": f"{local:%H:%M}",
    }


# ---- for the people invited ---------------------------------------------------


def _invitations(user, now):
    """The person's invitations to meetings still to come, both those to answer
    (SHOWN) and those they said yes to (NEXT_SHOWN), soonest first, in one query: each
    kind is its own `ORDER BY ... LIMIT` subquery (cheaper to build than numbering the
    rows in a window). Each carries what next_meetings tells: whether the papers are
    out, the formats they are out in, and the arrangements made for this person."""
    today = timezone.localdate(now)
    to_come = Invitation.objects.filter(person=user, meeting__starts_at__gt=now).order_by(
        "meeting__starts_at", "pk"
    )
    to_answer = to_come.filter(reply=Invitation.Reply.NONE).values("pk")[:SHOWN]
    coming = to_come.filter(reply=Invitation.Reply.YES).values("pk")[:NEXT_SHOWN]
    mine = Arrangement.objects.filter(
        meeting=OuterRef("meeting"), needed_by=user, still_needed=True
    )
    return list(
        # person= first: PostgreSQL otherwise tested every invitation against the two
        # subqueries (1 s at scale 1); this way it reads the person's few from an index.
        Invitation.objects.filter(person=user)
        .filter(Q(pk__in=to_answer) | Q(pk__in=coming))
        .select_related("meeting")
        .annotate(
            papers=Exists(Material.objects.filter(meeting=OuterRef("meeting"), sent_on__lte=today)),
            papers_in=joined_of(
                AlternativeFormat.objects.filter(
                    material__meeting=OuterRef("meeting"), sent_on__lte=today
                ),
                "format",
            ),
            arranged=joined_of(mine, Concat(F("status"), Value(":"), F("label"))),
            formats=Subquery(
                Profile.objects.filter(user=OuterRef("person")).values("formats")[:1],
                output_field=JSONField(),
            ),
        )
        .order_by("meeting__starts_at", "pk")
    )


def _shared_invitations(user, now):
    return once(user, now, "meetings.invitations", lambda: _invitations(user, now))


def invitations_to_answer(user, now):
    found = [i for i in _shared_invitations(user, now) if i.reply == Invitation.Reply.NONE]
    for invitation in found:
        meeting = invitation.meeting
        yield Item(
            key=f"meetings.reply:{invitation.pk}",
            sentence=gettext("You are invited to “%(title)s” on %(when)s: tell us if you can come.")
            % {"title": meeting.title, "when": _on(meeting.starts_at)},
            action_label=gettext("Reply"),
            action_url=_with_next(meeting.get_absolute_url()) + "#your-reply",
            due=meeting.starts_at,
            urgency=urgency_for(meeting.starts_at, now),
        )


STATE = {
    Arrangement.Status.DONE: _("is booked"),
    Arrangement.Status.IN_PROGRESS: _("is being arranged"),
    Arrangement.Status.TO_DO: _("is not arranged yet"),
    Arrangement.Status.NOT_POSSIBLE: _("could not be arranged: we will talk to you about it"),
}


def next_meetings(user, now):
    """The person's next meetings (they said they are coming), each with the state of
    the arrangements made for them and whether the papers are ready."""
    places = [i for i in _shared_invitations(user, now) if i.reply == Invitation.Reply.YES]
    for place in places[:NEXT_SHOWN]:
        meeting = place.meeting
        arranged = sorted(
            (label, status)
            for status, _colon, label in (
                part.partition(":") for part in split_joined(place.arranged)
            )
        )
        parts = [
            gettext("your %(arrangement)s %(state)s")
            % {"arrangement": _lower_first(gettext(label)), "state": STATE[status]}
            for label, status in arranged
        ]
        out_in = set(split_joined(place.papers_in))
        wanted = [value for value in (place.formats or []) if value in out_in]
        if wanted:
            label = AlternativeFormat.Format(wanted[0]).label
            parts.append(gettext("the papers are ready in %(format)s") % {"format": label})
        elif place.papers:
            parts.append(gettext("the papers are ready"))
        detail = "; ".join(parts)
        values = {"title": meeting.title, "when": _on(meeting.starts_at), "detail": detail}
        yield Item(
            key=f"meetings.next:{meeting.pk}",
            sentence=(
                gettext("“%(title)s” is on %(when)s: %(detail)s.")
                if detail
                else gettext("“%(title)s” is on %(when)s.")
            )
            % values,
            action_label=gettext("See the meeting"),
            action_url=meeting.get_absolute_url(),
            due=meeting.starts_at,
            urgency=INFORMATION,
            event=True,
        )


def _lower_first(text):
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def feedback_to_give(user, now):
    """Meetings in the last 30 days the person attended (or said they would come to)
    that have ended, and they have not given feedback on."""
    since = now - timedelta(days=30)
    # From the person's own attendance and replies, not from every recent meeting: one
    # UNION of both, as `pk IN (…) OR pk IN (…)` read every meeting of the month (16 ms
    # at scale 10 on PostgreSQL, 0.1 ms this way).
    there = Attendance.objects.filter(person=user).order_by().values("meeting")
    coming = (
        Invitation.objects.filter(person=user, reply=Invitation.Reply.YES)
        .order_by()
        .values("meeting")
    )
    given = FeedbackGiven.objects.filter(meeting=OuterRef("pk"), person=user)
    found = (
        Meeting.objects.filter(starts_at__gte=since, starts_at__lte=now)
        .filter(pk__in=there.union(coming))
        .exclude(Exists(given))
        .order_by("-starts_at", "pk")[:SHOWN]
    )
    for meeting in found:
        if meeting.ends_at > now:
            continue
        yield Item(
            key=f"meetings.feedback:{meeting.pk}",
            sentence=gettext("Tell us how “%(title)s” went for you.") % {"title": meeting.title},
            action_label=gettext("Give feedback"),
            action_url=_with_next(reverse("meetings:feedback", args=[meeting.pk])),
            since=meeting.ends_at,
        )


# ---- for those organising ---------------------------------------------------


def arrangements_due(user, now):
    """Access arrangements this person owns, still to settle, due within 7 days or
    overdue, for meetings they organise and that have not ended."""
    if not user.has_role(*RUNS_MEETINGS):
        return
    soon = timezone.localdate(now) + timedelta(days=7)
    found = (
        Arrangement.objects.filter(
            owner=user,
            still_needed=True,
            status__in=[Arrangement.Status.TO_DO, Arrangement.Status.IN_PROGRESS],
            due_on__lte=soon,
            meeting__starts_at__gt=now - timedelta(days=1),
            meeting__in=meetings_organised_by(user),
        )
        .select_related("meeting")
        .order_by("due_on", "pk")[:SHOWN]
    )
    for item in found:
        yield Item(
            key=f"meetings.arrangement:{item.pk}",
            sentence=gettext("Arrange “%(label)s” for “%(title)s” on %(when)s.")
            % {
                "label": gettext(item.label),
                "title": item.meeting.title,
                "when": _on(item.meeting.starts_at),
            },
            action_label=gettext("Mark done"),
            action_url=reverse("meetings:arrangement_done", args=[item.meeting_id, item.pk]),
            due=item.due_on,
            urgency=urgency_for(item.due_on, now),
            post=(("next", _home()),),
        )


def _organised(user, now):
    """In one query, the meetings this person organised, for attendance_to_record and
    papers_late: those that began in the last 30 days with no attendance recorded, and
    those in the next 60 days with no papers, at most SHOWN * 3 of each, soonest first.
    Each kind is its own `ORDER BY ... LIMIT` subquery (cheaper than a window)."""
    theirs = Meeting.objects.filter(organiser=user).order_by("starts_at", "pk")
    begun = theirs.filter(starts_at__gte=now - timedelta(days=30), starts_at__lte=now).exclude(
        Exists(Attendance.objects.filter(meeting=OuterRef("pk")))
    )
    to_come = theirs.filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=60)).exclude(
        Exists(Material.objects.filter(meeting=OuterRef("pk")))
    )
    coming = Invitation.objects.filter(meeting=OuterRef("pk"), reply=Invitation.Reply.YES)
    return list(
        Meeting.objects.filter(organiser=user)  # read from an index, as for invitations
        .filter(
            Q(pk__in=begun.values("pk")[: SHOWN * 3]) | Q(pk__in=to_come.values("pk")[: SHOWN * 3])
        )
        .annotate(coming=count_of(coming))
        .order_by("starts_at", "pk")
    )


def _shared_organised(user, now):
    return once(user, now, "meetings.organised", lambda: _organised(user, now))


def attendance_to_record(user, now):
    """Meetings this person organised that ended in the last 30 days with no
    attendance recorded."""
    if not user.has_role(*RUNS_MEETINGS):
        return
    begun = [meeting for meeting in _shared_organised(user, now) if meeting.starts_at <= now]
    for meeting in begun[:SHOWN]:
        if meeting.ends_at > now or not meeting.coming:
            continue
        due = timezone.localdate(meeting.ends_at) + timedelta(days=7)
        yield Item(
            key=f"meetings.attendance:{meeting.pk}",
            sentence=gettext("Record who came to “%(title)s”, so they can be thanked and paid.")
            % {"title": meeting.title},
            action_label=gettext("Record attendance"),
            action_url=reverse("meetings:attendance", args=[meeting.pk]),
            due=due,
            urgency=urgency_for(due, now),
        )


def papers_late(user, now):
    """Meetings this person organises in the next 60 days whose notice period for
    papers has begun with no papers added."""
    if not user.has_role(*RUNS_MEETINGS):
        return
    today = timezone.localdate(now)
    shown = 0
    for meeting in _shared_organised(user, now):
        if meeting.starts_at <= now or meeting.papers_due_on > today or shown == SHOWN:
            continue
        shown += 1
        yield Item(
            key=f"meetings.papers:{meeting.pk}",
            sentence=gettext(
                "The papers for “%(title)s” are late: people need %(days)s days to read them."
            )
            % {"title": meeting.title, "days": meeting.notice_days},
            action_label=gettext("Add papers"),
            action_url=reverse("meetings:material_add", args=[meeting.pk]),
            due=meeting.papers_due_on,
            urgency=OVERDUE
            if meeting.papers_due_on < today
            else urgency_for(meeting.papers_due_on, now),
        )


def _waiting_for_a_supporter(user, now):
    """Upcoming invitations, not answered, of the people who let `user` reply for them."""
    return Invitation.objects.filter(
        reply=Invitation.Reply.NONE,
        meeting__starts_at__gte=now,
        person__in=Authority.objects.current()
        .filter(supporter=user, reply_to_invitations=True)
        .values("person"),
    )


def counts(user, now):
    """Invitations a supporter may answer for someone, and for the lead, feedback to
    follow up: read with the other apps' counts, so nobody pays a query for nothing."""
    numbers = {"meetings_for_supported": count_of(_waiting_for_a_supporter(user, now))}
    if user.has_role(Role.LEAD):
        waiting = Feedback.objects.filter(needs_follow_up=True, followed_up_at__isnull=True)
        numbers["meetings_follow_ups"] = count_of(waiting)
        numbers["meetings_follow_ups_oldest"] = oldest_of(waiting, "given_on")
    return numbers


def replies_for_people_you_support(user, now):
    """For a supporter: each person they may reply for who has invitations waiting, with
    the soonest meeting's date: one query, and none when the count says there are none."""
    if not counted(user, now).get("meetings_for_supported"):
        return
    waiting = _waiting_for_a_supporter(user, now).filter(person=OuterRef("person"))
    authorities = (
        Authority.objects.current()
        .filter(supporter=user, reply_to_invitations=True)
        .annotate(
            waiting=count_of(waiting),
            soonest=Subquery(
                waiting.order_by("meeting__starts_at").values("meeting__starts_at")[:1]
            ),
        )
        .filter(waiting__gt=0)
        .select_related("person")
        .order_by("soonest", "pk")[:SHOWN]
    )
    for authority in authorities:
        n = authority.waiting
        yield Item(
            key=f"meetings.for_supported:{authority.pk}",
            sentence=ngettext(
                "%(person)s has %(n)s invitation to a meeting waiting for a reply. "
                "You may reply for them.",
                "%(person)s has %(n)s invitations to a meeting waiting for a reply. "
                "You may reply for them.",
                n,
            )
            % {"person": authority.person, "n": n},
            action_label=gettext("Reply for %(person)s") % {"person": authority.person},
            action_url=reverse("meetings:acting_for", args=[authority.pk]),
            due=authority.soonest,
            urgency=urgency_for(authority.soonest, now),
        )


def feedback_follow_ups(user, now):
    """For the lead: feedback that said access needs were not met, not yet followed up."""
    if not user.has_role(Role.LEAD):
        return
    numbers = counted(user, now)
    count, oldest = numbers["meetings_follow_ups"], numbers["meetings_follow_ups_oldest"]
    if not count:
        return
    due = oldest + timedelta(days=14)
    yield Item(
        key="meetings.follow_ups",
        sentence=ngettext(
            "%(count)s person said their access needs were not fully met at a meeting: "
            "follow it up with them.",
            "%(count)s people said their access needs were not fully met at a meeting: "
            "follow it up with them.",
            count,
        )
        % {"count": count},
        action_label=gettext("Follow up"),
        action_url=reverse("meetings:follow_ups"),
        due=due,
        urgency=urgency_for(due, now),
    )
