"""The access-arrangements checklist, built from the passports of the people
coming (through `people.access`, so only what each person chose to share, and
every read logged). Organisers see what to arrange, never why.

`sync(meeting, viewer)` brings the stored checklist up to date: a new need adds
an item; an item nobody coming needs any more is kept (someone may already
have booked it) but marked as no longer needed, or removed if nothing was done
yet. Opening a page never rebuilds it: pages read the stored checklist and say
when a reply, a passport or a sharing choice changed since (`is_stale`, asked
inside the meeting's own query by `with_staleness`); the organiser then asks
for it to be updated (`actions.update_checklist`), so the read is made, and
logged, for the person who sees the result, and a visit writes nothing.
See docs/decisions/0009-meetings-checklist-from-passports.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import OuterRef, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.people.access import Arrangements, arrangements_for_many, passports_changed_after
from coproduce.people.models import Requirement

from .models import Arrangement, Invitation, Meeting

if TYPE_CHECKING:
    from coproduce.accounts.models import User

ASK = "ask"
DIETARY = "dietary"
OTHER = "other"
# Days before the meeting each arrangement should be in place: interpreters and
# captioners book up weeks ahead; papers follow the meeting's notice period.
BOOK_EARLY = {Requirement.BSL, Requirement.WELSH, Requirement.LIPSPEAKER, Requirement.CAPTIONS}
PAPERS = {Requirement.EASY_READ, Requirement.LARGE_PRINT, Requirement.SCREEN_READER}
# Stored in English on each arrangement; shown translated (`gettext(item.label)`).
LABELS = {
    Requirement.BSL: _("Book a BSL interpreter"),
    Requirement.WELSH: _("Book a Welsh speaker or Welsh interpreter"),
    Requirement.LIPSPEAKER: _("Book a lipspeaker"),
    Requirement.CAPTIONS: _("Book a captioner or speech-to-text reporter"),
    Requirement.HEARING_LOOP: _("Check the hearing loop works"),
    Requirement.EASY_READ: _("Send Easy Read papers"),
    Requirement.LARGE_PRINT: _("Send large print papers"),
    Requirement.SCREEN_READER: _("Send papers that work with a screen reader"),
    Requirement.STEP_FREE: _("Make sure there is a step-free route"),
    Requirement.ACCESSIBLE_TOILET: _("Make sure there is an accessible toilet"),
    Requirement.QUIET_ROOM: _("Book a quiet room"),
    Requirement.BREAKS: _("Plan regular breaks"),
    Requirement.EXTRA_TIME: _("Give extra time to read and answer"),
    Requirement.PA_ATTENDS: _("Make room for personal assistants or carers"),
    Requirement.DIETARY: _("Arrange food for dietary needs"),
    Requirement.TRAVEL: _("Arrange help with travel"),
    Requirement.ONLINE: _("Set up a way to take part online"),
    DIETARY: _("Arrange food for dietary needs"),
    OTHER: _("Make the other arrangements people asked for"),
    ASK: _("Ask people what they need: they have not shared an access passport"),
}
ATTENDING = (Invitation.Reply.YES, Invitation.Reply.MAYBE)


@dataclass
class Needs:
    by_code: dict[str, list[User]] = field(default_factory=dict)  # code -> [person]
    # Arrangements that have dietary/other text
    details: list[Arrangements] = field(default_factory=list)


def due_on(meeting: Meeting, code: str) -> date:
    day = timezone.localdate(meeting.starts_at)
    if code in BOOK_EARLY:
        return day - timedelta(days=14)
    if code in PAPERS:
        papers_due_on: date = meeting.papers_due_on
        return papers_due_on

    return day - timedelta(days=2)


def read_needs(meeting: Meeting, viewer: User) -> Needs:
    """What the people coming need, as the viewer may see it (logged)."""
    people = [
        invitation.person
        for invitation in meeting.invitations.filter(reply__in=ATTENDING).select_related("person")
    ]
    needs = Needs()
    results = arrangements_for_many(people, viewer, reason=f"Access checklist: {meeting.title}")
    for result in results:
        if not result.shared:
            needs.by_code.setdefault(ASK, []).append(result.person)
            continue
        # Codes, not labels: a label is in the language of whoever is looking.
        codes = set(result.codes)
        if result.dietary:
            codes.add(Requirement.DIETARY)
        if result.other:
            codes.add(OTHER)
        for code in codes:
            needs.by_code.setdefault(str(code), []).append(result.person)
        if result.dietary or result.other:
            needs.details.append(result)
    return needs


def mark_stale(meeting: Meeting) -> None:
    """Who is coming changed: the next organiser to look rebuilds the checklist."""
    type(meeting).objects.filter(pk=meeting.pk).update(checklist_checked_at=None)


def with_staleness(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Each meeting gets `people_changed`: someone coming changed their passport or
    sharing choice since the checklist was built. Reads no access needs."""
    coming = Invitation.objects.filter(
        meeting=OuterRef(OuterRef("pk")), reply__in=ATTENDING
    ).values("person_id")
    return meetings.annotate(
        people_changed=passports_changed_after(coming, OuterRef("checklist_checked_at"))
    )


def is_stale(meeting: Meeting) -> bool:
    """True when replies changed, or someone coming changed their passport or sharing
    choice, since the checklist was last built. `meeting` comes from `with_staleness`."""
    if meeting.checklist_checked_at is None:
        return True
    if meeting.has_ended:
        return False  # what was arranged is settled: passports changed since do not count
    people_changed: bool = getattr(meeting, "people_changed")  # noqa: B009  (annotated)
    return people_changed


@transaction.atomic
def sync(meeting: Meeting, viewer: User) -> Needs:
    """Updates the stored checklist from the passports; returns the Needs read.
    The meeting's row is locked first, so two organisers updating at once do not
    both add the same arrangement. Its writes are a fixed number, whatever the
    number of people or kinds of need."""
    list(type(meeting).objects.select_for_update().filter(pk=meeting.pk).values_list("pk"))
    needs = read_needs(meeting, viewer)
    existing = {item.code: item for item in meeting.arrangements.all()}
    Arrangement.objects.bulk_create(
        Arrangement(
            meeting=meeting,
            code=code,
            label=str(LABELS.get(code, code)),
            owner=meeting.organiser,
            due_on=due_on(meeting, code),
        )
        for code in needs.by_code
        if code not in existing
    )
    items = {item.code: item for item in meeting.arrangements.all()}
    needed = [item.pk for code, item in items.items() if code in needs.by_code]
    gone = [item for code, item in items.items() if code not in needs.by_code]
    untouched = [i.pk for i in gone if i.status == Arrangement.Status.TO_DO and not i.note]
    Arrangement.objects.filter(pk__in=needed, still_needed=False).update(still_needed=True)
    Arrangement.objects.filter(pk__in=[i.pk for i in gone if i.pk not in untouched]).update(
        still_needed=False
    )
    who = Arrangement.needed_by.through
    who.objects.filter(arrangement__meeting=meeting).delete()
    Arrangement.objects.filter(pk__in=untouched).delete()
    who.objects.bulk_create(
        who(arrangement_id=items[code].pk, user_id=person.pk)
        for code, people in needs.by_code.items()
        for person in people
    )
    meeting.checklist_checked_at = timezone.now()
    type(meeting).objects.filter(pk=meeting.pk).update(
        checklist_checked_at=meeting.checklist_checked_at
    )
    return needs


def warnings(meeting: Meeting, items: Iterable[Arrangement], days: int = 7) -> list[str]:
    """Plain-English warnings when the meeting is close and something is not arranged."""
    if meeting.has_started:
        return []
    close = meeting.starts_at - timezone.now() <= timedelta(days=days)
    found: list[str] = []

    for item in items:
        if not item.still_needed or item.is_settled:
            continue
        if item.is_overdue or close:
            values = {"label": gettext(item.label), "status": item.get_status_display().lower()}
            if item.is_overdue:
                values["day"] = date_format(item.due_on, "j F Y")
                text = gettext(
                    "%(label)s: %(status)s, and it should have been arranged by %(day)s."
                )
            else:
                text = gettext("%(label)s: %(status)s. The meeting is less than a week away.")
            found.append(text % values)
    venue = meeting.venue
    codes = {item.code for item in items if item.still_needed}
    if venue and meeting.kind != meeting.Kind.ONLINE:
        for code, has_it, text in (
            (
                Requirement.STEP_FREE,
                venue.step_free,
                gettext(
                    "%(venue)s has no step-free route, and someone coming needs it. "
                    "Choose another venue or offer a way to join online."
                ),
            ),
            (
                Requirement.ACCESSIBLE_TOILET,
                venue.accessible_toilet,
                gettext(
                    "%(venue)s has no accessible toilet, and someone coming needs it. "
                    "Choose another venue or offer a way to join online."
                ),
            ),
            (
                Requirement.HEARING_LOOP,
                venue.hearing_loop,
                gettext(
                    "%(venue)s has no hearing loop, and someone coming needs it. "
                    "Choose another venue or offer a way to join online."
                ),
            ),
            (
                Requirement.QUIET_ROOM,
                venue.quiet_room,
                gettext(
                    "%(venue)s has no quiet room, and someone coming needs it. "
                    "Choose another venue or offer a way to join online."
                ),
            ),
        ):
            if code in codes and not has_it:
                found.append(text % {"venue": venue.name})
    return found
