"""Meetings for the benchmark: 40,000 at scale 1, most for a project (its team invited),
some for the whole organisation, over the last three years and the next four months;
about 60 venues reused, breaks in the long ones. Invitations with replies, attendance
with minutes for past meetings, the access checklist for a share of meetings (built
from the passports of the people coming) and feedback for a share of past meetings,
some anonymous, some saying access needs were not met, most of those followed up."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import LOAD_BATCH, Loading, bulk, scaled, sentence, skewed_pick
from coproduce.people.models import AccessRequirement
from coproduce.projects.models import TeamMember

from .checklist import LABELS, due_on
from .models import (
    AccessAnswer,
    Answer,
    Arrangement,
    Attendance,
    Break,
    Feedback,
    FeedbackGiven,
    Invitation,
    Meeting,
    Venue,
)

R = Invitation.Reply
PAST_REPLIES = [R.YES] * 55 + [R.NO] * 20 + [R.MAYBE] * 5 + [R.NONE] * 12 + [R.CANCELLED] * 5
UPCOMING_REPLIES = [R.NONE] * 40 + [R.YES] * 35 + [R.MAYBE] * 8 + [R.NO] * 12 + [R.CANCELLED] * 2
ACCESS_ANSWERS = (
    [AccessAnswer.YES] * 60
    + [AccessAnswer.NONE] * 20
    + [AccessAnswer.PARTLY] * 12
    + [AccessAnswer.NO] * 8
)
ANSWERS = [Answer.YES] * 7 + [Answer.PARTLY] * 2 + [Answer.NO]
KINDS = [Meeting.Kind.IN_PERSON] * 4 + [Meeting.Kind.ONLINE] * 4 + [Meeting.Kind.HYBRID] * 2
STATUSES = list(Arrangement.Status.values)


def _people(role):
    return list(RoleAssignment.objects.filter(role=role).values_list("user_id", flat=True))


def _venues(scale, rng):
    count = scaled(60, scale, minimum=5)
    bulk(
        Venue,
        [
            Venue(
                name=f"{rng.choice(['Community', 'Civic', 'Resource', 'Hub'])} centre {n + 1}",
                address=f"{rng.randint(1, 200)} High Street",
                step_free=rng.random() < 0.8,
                accessible_toilet=rng.random() < 0.75,
                hearing_loop=rng.random() < 0.5,
                quiet_room=rng.random() < 0.4,
                parking="2 blue badge spaces" if rng.random() < 0.6 else "",
                public_transport="Bus stop outside",
            )
            for n in range(count)
        ],
    )
    return list(Venue.objects.order_by("-pk")[:count].values_list("pk", flat=True))


def generate(scale, rng, log):
    leads, staff, coproducers = _people(Role.LEAD), _people(Role.STAFF), _people(Role.COPRODUCER)
    organisers = leads + staff
    coproducers.sort()
    teams = {}
    for project_id, person_id in TeamMember.objects.values_list("project_id", "person_id"):
        teams.setdefault(project_id, []).append(person_id)
    projects = sorted(teams)
    venues = _venues(scale, rng)
    now = timezone.now().replace(second=0, microsecond=0)
    count = scaled(40_000, scale, minimum=40)
    with Loading(log) as load:
        meetings = load.table(
            Meeting,
            [
                "title",
                "project_id",
                "kind",
                "starts_at",
                "duration_minutes",
                "venue_id",
                "joining_details",
                "description",
                "capacity",
                "notice_days",
                "organiser_id",
                "created_at",
                "checklist_checked_at",
            ],
            expected=count,
        )
        for n in range(count):
            kind = rng.choice(KINDS)
            project_id = rng.choice(projects) if projects and rng.random() < 0.85 else None
            starts = now + timedelta(days=rng.randint(-1100, 120), hours=rng.randint(-4, 4))
            starts = starts.replace(minute=rng.choice([0, 30]))
            meetings.add(
                (
                    f"{sentence(rng, 4)[:-1]} meeting ({n + 1})",
                    project_id,
                    kind,
                    starts,
                    rng.choice([60, 90, 90, 120, 120, 150, 180, 240]),
                    rng.choice(venues) if kind != Meeting.Kind.ONLINE else None,
                    "Link sent by email" if kind != Meeting.Kind.IN_PERSON else "",
                    sentence(rng, 25),
                    rng.choice([None, None, None, 12, 20, 30]),
                    rng.choice([5, 7, 7, 10]),
                    rng.choice(organisers),
                    starts - timedelta(days=rng.randint(7, 60)),
                    now if rng.random() < 0.6 else None,  # the checklist made (_checklists)
                )
            )
    made = list(
        Meeting.objects.order_by("-pk")[:count].values_list(
            "pk",
            "project_id",
            "starts_at",
            "duration_minutes",
            "organiser_id",
            "notice_days",
            "checklist_checked_at",
        )
    )
    coming = {}  # meeting id -> people who said yes
    invited_per_meeting = 9  # about, at scale 1: for the progress estimate only
    with Loading(log) as load:
        breaks = load.table(Break, ["meeting_id", "starts_after_minutes", "length_minutes"])
        invitations = load.table(
            Invitation,
            ["meeting_id", "person_id", "reply", "invited_at", "replied_at", "reminded_at"],
            expected=count * invited_per_meeting,
        )
        attendance = load.table(
            Attendance,
            ["meeting_id", "person_id", "minutes", "recorded_by_id", "recorded_at"],
            expected=count * invited_per_meeting // 2,
        )
        for pk, project_id, starts, duration, organiser_id, _, _ in made:
            past = starts < now
            if duration >= 120 and rng.random() < 0.6:
                for k in range(1, duration // 90 + 1):
                    breaks.add((pk, k * 75, 15))
            if project_id:
                team = teams[project_id]
                invited = rng.sample(team, max(1, round(len(team) * rng.uniform(0.6, 1))))
            else:
                invited = skewed_pick(rng, coproducers, rng.randint(4, 25))
            replies = PAST_REPLIES if past else UPCOMING_REPLIES
            invited_at = starts - timedelta(days=rng.randint(7, 40))
            for person in invited:
                reply = rng.choice(replies)
                invitations.add(
                    (
                        pk,
                        person,
                        reply,
                        invited_at,
                        None
                        if reply == R.NONE
                        else invited_at + timedelta(hours=rng.randint(1, 240)),
                        invited_at + timedelta(days=3) if rng.random() < 0.3 else None,
                    )
                )
                if reply == R.YES:
                    coming.setdefault(pk, []).append(person)
                    if past and rng.random() < 0.92:
                        attendance.add(
                            (
                                pk,
                                person,
                                duration if rng.random() < 0.85 else duration // 2,
                                organiser_id,
                                starts + timedelta(days=1),
                            )
                        )
    arrangements = _checklists(made, coming, rng, now, log)
    feedback = _feedback(made, coming, leads, rng, now, log)
    log(
        f"    {count} meetings, {invitations.count} invitations, {attendance.count} attendance, "
        f"{arrangements} arrangements, {feedback} feedback"
    )


def _checklists(made, coming, rng, now, log):
    """Arrangements for the meetings whose checklist was made (60%), from the
    requirements of the people coming; each needed by those who need it."""
    needs = {}
    for user_id, code in AccessRequirement.objects.values_list("passport__user_id", "code"):
        needs.setdefault(user_id, set()).add(code)
    with Loading(log) as load:
        rows = load.table(
            Arrangement, ["meeting_id", "code", "label", "owner_id", "status", "due_on", "done_at"]
        )
        for pk, _, starts, _, organiser_id, notice_days, checked_at in made:
            if checked_at is None:
                continue
            codes = {code for person in coming.get(pk, []) for code in needs.get(person, ())}
            meeting = Meeting(starts_at=starts, notice_days=notice_days)
            past = starts < now
            for code in sorted(codes):
                status = (
                    rng.choice(["done"] * 9 + ["not_possible"]) if past else rng.choice(STATUSES)
                )
                rows.add(
                    (
                        pk,
                        code,
                        str(LABELS.get(code, code)),  # a lazy translation is not a value
                        organiser_id if rng.random() < 0.7 else None,
                        status,
                        due_on(meeting, code),
                        starts - timedelta(days=3) if status == "done" else None,
                    )
                )
    first = min((pk for pk, *_ in made), default=0)
    made_rows = Arrangement.objects.filter(meeting_id__gte=first).values_list(
        "pk", "meeting_id", "code"
    )
    with Loading(log) as load:
        needed_by = load.table(Arrangement.needed_by.through, ["arrangement_id", "user_id"])
        for pk, meeting_id, code in made_rows.iterator(chunk_size=LOAD_BATCH):
            for person in coming.get(meeting_id, []):
                if code in needs.get(person, ()):
                    needed_by.add((pk, person))
    return rows.count


def _feedback(made, coming, leads, rng, now, log):
    """Feedback from some of the people there for 40% of past meetings."""
    with Loading(log) as load:
        given = load.table(FeedbackGiven, ["meeting_id", "person_id", "given_at"])
        rows = load.table(
            Feedback,
            [
                "meeting_id",
                "person_id",
                "given_on",
                "access_needs_met",
                "listened_to",
                "could_say",
                "anything_else",
                "needs_follow_up",
                "followed_up_at",
                "followed_up_by_id",
                "follow_up_note",
            ],
        )
        for pk, _, starts, _, _, _, _ in made:
            people = coming.get(pk)
            if starts >= now or not people or rng.random() > 0.4:
                continue
            day = (starts + timedelta(days=rng.randint(0, 10))).date()
            for person in rng.sample(people, min(len(people), rng.randint(1, 4))):
                access = rng.choice(ACCESS_ANSWERS)
                not_met = access in (AccessAnswer.NO, AccessAnswer.PARTLY)
                followed = not_met and rng.random() < 0.75
                given.add((pk, person, starts))
                rows.add(
                    (
                        pk,
                        None if rng.random() < 0.3 else person,
                        day,
                        access,
                        rng.choice(ANSWERS),
                        rng.choice(ANSWERS),
                        sentence(rng, 15) if rng.random() < 0.3 else "",
                        not_met,
                        starts + timedelta(days=rng.randint(5, 30)) if followed else None,
                        rng.choice(leads) if followed else None,
                        sentence(rng, 12) if followed else "",
                    )
                )
    return rows.count
