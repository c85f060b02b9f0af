"""Meetings for the benchmark: 40,000 at scale 1, most for a project (its team invited),
some for the whole organisation, over the last three years and the next four months;
about 60 venues reused, breaks in the long ones. Invitations with replies, attendance
with minutes for past meetings, the access checklist for a share of meetings (built
from the passports of the people coming) and feedback for a share of past meetings,
some anonymous, some saying access needs were not met, most of those followed up."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import bulk, scaled, sentence, skewed_pick
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
    meetings = []
    for n in range(count):
        kind = rng.choice(KINDS)
        project_id = rng.choice(projects) if projects and rng.random() < 0.85 else None
        starts = now + timedelta(days=rng.randint(-1100, 120), hours=rng.randint(-4, 4))
        meetings.append(
            Meeting(
                title=f"{sentence(rng, 4)[:-1]} meeting ({n + 1})",
                project_id=project_id,
                kind=kind,
                starts_at=starts.replace(minute=rng.choice([0, 30])),
                duration_minutes=rng.choice([60, 90, 90, 120, 120, 150, 180, 240]),
                venue_id=rng.choice(venues) if kind != Meeting.Kind.ONLINE else None,
                joining_details="Link sent by email" if kind != Meeting.Kind.IN_PERSON else "",
                description=sentence(rng, 25),
                capacity=rng.choice([None, None, None, 12, 20, 30]),
                notice_days=rng.choice([5, 7, 7, 10]),
                organiser_id=rng.choice(organisers),
                created_at=starts - timedelta(days=rng.randint(7, 60)),
            )
        )
    bulk(Meeting, meetings)
    made = list(
        Meeting.objects.order_by("-pk")[:count].values_list(
            "pk", "project_id", "starts_at", "duration_minutes", "organiser_id", "notice_days"
        )
    )
    breaks, invitations, attendance = [], [], []
    coming = {}  # meeting id -> people who said yes
    for pk, project_id, starts, duration, organiser_id, _ in made:
        past = starts < now
        if duration >= 120 and rng.random() < 0.6:
            for k in range(1, duration // 90 + 1):
                breaks.append(Break(meeting_id=pk, starts_after_minutes=k * 75, length_minutes=15))
        if project_id:
            team = teams[project_id]
            invited = rng.sample(team, max(1, round(len(team) * rng.uniform(0.6, 1))))
        else:
            invited = skewed_pick(rng, coproducers, rng.randint(4, 25))
        replies = PAST_REPLIES if past else UPCOMING_REPLIES
        invited_at = starts - timedelta(days=rng.randint(7, 40))
        for person in invited:
            reply = rng.choice(replies)
            invitations.append(
                Invitation(
                    meeting_id=pk,
                    person_id=person,
                    reply=reply,
                    invited_at=invited_at,
                    replied_at=None
                    if reply == R.NONE
                    else invited_at + timedelta(hours=rng.randint(1, 240)),
                    reminded_at=invited_at + timedelta(days=3) if rng.random() < 0.3 else None,
                )
            )
            if reply == R.YES:
                coming.setdefault(pk, []).append(person)
                if past and rng.random() < 0.92:
                    attendance.append(
                        Attendance(
                            meeting_id=pk,
                            person_id=person,
                            minutes=duration if rng.random() < 0.85 else duration // 2,
                            recorded_by_id=organiser_id,
                            recorded_at=starts + timedelta(days=1),
                        )
                    )
    bulk(Break, breaks)
    bulk(Invitation, invitations)
    bulk(Attendance, attendance)
    arrangements = _checklists(made, coming, rng, now)
    feedback = _feedback(made, coming, leads, rng, now)
    log(
        f"    {count} meetings, {len(invitations)} invitations, {len(attendance)} attendance, "
        f"{arrangements} arrangements, {feedback} feedback"
    )


def _checklists(made, coming, rng, now):
    """Arrangements for 60% of meetings, from the requirements of the people coming."""
    needs = {}
    for user_id, code in AccessRequirement.objects.values_list("passport__user_id", "code"):
        needs.setdefault(user_id, []).append(code)
    rows, who, checked = [], [], []
    for pk, _, starts, _, organiser_id, notice_days in made:
        if rng.random() > 0.6:
            continue
        checked.append(pk)
        codes = {}
        for person in coming.get(pk, []):
            for code in needs.get(person, []):
                codes.setdefault(code, []).append(person)
        meeting = Meeting(starts_at=starts, notice_days=notice_days)
        for code, people in codes.items():
            past = starts < now
            status = (
                rng.choice(STATUSES) if not past else rng.choice(["done"] * 9 + ["not_possible"])
            )
            rows.append(
                Arrangement(
                    meeting_id=pk,
                    code=code,
                    label=LABELS.get(code, code),
                    owner_id=organiser_id if rng.random() < 0.7 else None,
                    status=status,
                    due_on=due_on(meeting, code),
                    done_at=starts - timedelta(days=3) if status == "done" else None,
                )
            )
            who.append(people)
    bulk(Arrangement, rows)
    made_rows = Arrangement.objects.filter(meeting_id__gte=min(checked, default=0)).values_list(
        "pk", "meeting_id", "code"
    )
    by_key = {(meeting_id, code): pk for pk, meeting_id, code in made_rows.iterator()}
    through = Arrangement.needed_by.through
    bulk(
        through,
        [
            through(arrangement_id=by_key[(row.meeting_id, row.code)], user_id=person)
            for row, people in zip(rows, who, strict=True)
            for person in people
        ],
    )
    for start in range(0, len(checked), 500):
        Meeting.objects.filter(pk__in=checked[start : start + 500]).update(checklist_checked_at=now)
    return len(rows)


def _feedback(made, coming, leads, rng, now):
    """Feedback from some of the people there for 40% of past meetings."""
    given, rows = [], []
    for pk, _, starts, _, _, _ in made:
        people = coming.get(pk)
        if starts >= now or not people or rng.random() > 0.4:
            continue
        day = (starts + timedelta(days=rng.randint(0, 10))).date()
        for person in rng.sample(people, min(len(people), rng.randint(1, 4))):
            access = rng.choice(ACCESS_ANSWERS)
            not_met = access in (AccessAnswer.NO, AccessAnswer.PARTLY)
            followed = not_met and rng.random() < 0.75
            given.append(FeedbackGiven(meeting_id=pk, person_id=person, given_at=starts))
            rows.append(
                Feedback(
                    meeting_id=pk,
                    person_id=None if rng.random() < 0.3 else person,
                    given_on=day,
                    access_needs_met=access,
                    listened_to=rng.choice(ANSWERS),
                    could_say=rng.choice(ANSWERS),
                    anything_else=sentence(rng, 15) if rng.random() < 0.3 else "",
                    needs_follow_up=not_met,
                    followed_up_at=starts + timedelta(days=rng.randint(5, 30))
                    if followed
                    else None,
                    followed_up_by_id=rng.choice(leads) if followed else None,
                    follow_up_note=sentence(rng, 12) if followed else "",
                )
            )
    bulk(FeedbackGiven, given)
    bulk(Feedback, rows)
    return len(rows)
