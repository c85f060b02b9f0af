"""Demo meetings, past and upcoming: venues, replies (one taken by phone), a
waiting list, access arrangements in every state, papers in other formats
(one sent late), attendance and feedback with a follow-up, and the nudges already
sent (meetings.nudges): feedback reminders after a meeting two days ago, and reminders to
the owner of arrangements not ready a week before."""

import io
from datetime import timedelta

import pikepdf
from django.core.files.base import ContentFile
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.people.demo import involved_coproducers
from coproduce.people.models import Authority
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Project

from . import actions, checklist, nudges
from .models import Arrangement, Meeting, Venue

VENUES = [
    {
        "name": "Station Road community hall",
        "address": "14 Station Road\nLeeds\nLS1 4AB",
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "quiet_room": True,
        "parking": "3 blue badge spaces at the front door",
        "public_transport": "Bus 12 stops outside. Leeds station is 10 minutes on foot, all flat.",
        "notes": "Use the main entrance: it has an automatic door. The meeting room is on the "
        "ground floor.",
    },
    {
        "name": "Old library, upstairs room",
        "address": "2 Market Street\nLeeds\nLS2 7CD",
        "step_free": False,
        "accessible_toilet": False,
        "hearing_loop": False,
        "quiet_room": False,
        "parking": "Pay and display car park 200 metres away",
        "public_transport": "Buses 4 and 16 stop on Market Street.",
        "notes": "The room is up 14 stairs and there is no lift.",
    },
]
PDF = b"%PDF-1.4\n% Demo paper\n"


def _scanned_pdf():
    """A one-page PDF with nothing but a page: what a scanner without text recognition makes."""
    out = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(out)
    return out.getvalue()


def _at(days, hour):
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def _meeting(organiser, breaks=((60, 15),), **fields):
    return actions.save_meeting(meeting=Meeting(organiser=organiser, **fields), breaks=breaks)


def _decided_at(meeting, staff):
    """A decision put to the team at the meeting, positions recorded there by the
    organiser for those the attendance says came, and closed: the record shows who was
    there and every position."""
    decision = project_actions.open_decision(
        project=meeting.project,
        opened_by=staff,
        what="Hold every planning meeting in the ground-floor hall from now on.",
        why="The first-floor room's lift broke twice, and the hall has a hearing loop.",
        closes_on=timezone.localdate(),
        meeting=meeting,
    )
    on_team = set(meeting.project.team.values_list("person_id", flat=True))
    there = [person for person in project_actions.attended(decision) if person.pk in on_team]
    answers = [
        ("agree", "Yes, the loop makes a real difference."),
        ("disagree", "It is further from the bus."),
    ]
    project_actions.record_meeting_positions(
        decision=decision,
        recorded_by=staff,
        stances={
            person: answers[n % 2] if n < 3 else ("agree", "") for n, person in enumerate(there)
        },
    )
    project_actions.record_position(
        decision=decision, person=staff, stance="agree", reason="", recorded_by=staff
    )
    project_actions.close_decision(decision=decision)


def load(log):
    if Meeting.objects.exists():
        log(f"Demo meetings: {Meeting.objects.count()} (already there)")
        return
    staff = User.objects.get(email="staff@example.org")
    lead = User.objects.get(email="lead@example.org")
    # Not the newcomer: nobody works with them yet (see people/demo.py).
    coproducers = list(involved_coproducers().order_by("email"))
    hall, library = (Venue.objects.create(**venue) for venue in VENUES)
    project = Project.objects.order_by("pk").first()

    upcoming = _meeting(
        staff,
        title="Planning group: accessible transport",
        project=project,
        kind=Meeting.Kind.HYBRID,
        starts_at=_at(5, 14),
        duration_minutes=150,
        venue=hall,
        joining_details="Video call: https://meet.example.org/transport-planning\n"
        "By phone: 0113 496 0000, code 4821",
        description="We agree the questions for the transport survey, and who will test it.",
        capacity=max(len(coproducers), 2),
    )
    actions.invite(meeting=upcoming, people=[*coproducers, lead], invited_by=staff)
    invitations = list(upcoming.invitations.select_related("person").order_by("person__email"))
    for number, invitation in enumerate(invitations):
        if number == 0:
            actions.reply(invitation=invitation, answer="yes")
        elif number == 1:
            actions.reply(
                invitation=invitation,
                answer="yes",
                recorded_by=staff,
                reason="They rang the office to say they are coming.",
            )
        elif number == 2:
            actions.reply(invitation=invitation, answer="maybe")
    # Robin, Chris's personal assistant, replied for Chris and is coming too: in Chris's
    # history, and on the checklist.
    for authority in Authority.objects.current().filter(person__email="coproducer@example.org"):
        actions.reply_as_supporter(
            authority=authority,
            invitation=upcoming.invitations.get(person=authority.person),
            answer="yes",
            coming_too=True,
        )
    checklist.sync(upcoming, staff)
    states = [
        Arrangement.Status.DONE,
        Arrangement.Status.IN_PROGRESS,
        Arrangement.Status.TO_DO,
        Arrangement.Status.NOT_POSSIBLE,
    ]
    for item, status in zip(upcoming.arrangements.order_by("pk"), states * 5, strict=False):
        actions.update_arrangement(
            item=item,
            owner=staff,
            status=status,
            due_on=item.due_on,
            note={
                Arrangement.Status.DONE: "Booked and confirmed by email.",
                Arrangement.Status.IN_PROGRESS: "Waiting to hear back.",
                Arrangement.Status.NOT_POSSIBLE: "Nobody free that day: we offered a phone call.",
            }.get(status, ""),
        )
    agenda = actions.add_material(
        meeting=upcoming,
        kind="agenda",
        title="Agenda",
        sent_on=upcoming.papers_due_on,
        upload=ContentFile(PDF, name="agenda.pdf"),
        content_type="application/pdf",
        uploaded_by=staff,
    )
    actions.add_format(
        material=agenda,
        format="easy_read",
        sent_on=upcoming.papers_due_on,
        upload=ContentFile(PDF, name="agenda-easy-read.pdf"),
        content_type="application/pdf",
    )
    actions.add_format(
        material=agenda,
        format="bsl",
        sent_on=upcoming.papers_due_on,
        link="https://video.example.org/agenda-bsl",
    )
    actions.add_material(
        meeting=upcoming,
        kind="paper",
        title="Draft survey questions",
        sent_on=timezone.localdate(),  # less than the notice period: flagged late
        upload=ContentFile(PDF, name="survey.pdf"),
        content_type="application/pdf",
        uploaded_by=staff,
        summary="Twelve questions about getting to day centres. Tell us which are unclear "
        "and what is missing.",
        title_cy="Cwestiynau drafft ar gyfer yr arolwg",
        summary_cy="Deuddeg cwestiwn am deithio i ganolfannau dydd. Dywedwch wrthym pa rai "
        "sy'n aneglur a beth sydd ar goll.",
    )
    # A scanned page: no tags, language, title or text, so it waits for the organiser.
    actions.add_material(
        meeting=upcoming,
        kind="paper",
        title="Venue floor plan (scanned)",
        sent_on=timezone.localdate(),
        upload=ContentFile(_scanned_pdf(), name="floor-plan.pdf"),
        content_type="application/pdf",
        uploaded_by=staff,
    )

    small = _meeting(
        staff,
        title="Easy Read letters: review session",
        kind=Meeting.Kind.IN_PERSON,
        starts_at=_at(12, 11),
        duration_minutes=90,
        venue=library,
        capacity=1,
        breaks=[(45, 10)],
    )
    actions.invite(meeting=small, people=coproducers[:3], invited_by=staff)
    for invitation in small.invitations.order_by("person__email"):
        actions.reply(invitation=invitation, answer="yes")  # one place: the rest wait

    online = _meeting(
        lead,
        title="Whole-organisation check-in",
        kind=Meeting.Kind.ONLINE,
        starts_at=_at(20, 18),
        duration_minutes=60,
        joining_details="Video call: https://meet.example.org/check-in (captions on)",
        breaks=[],
    )
    actions.invite(meeting=online, people=[*coproducers, staff], invited_by=lead)

    past = _meeting(
        staff,
        title="Transport survey: first look at the answers",
        project=project,
        kind=Meeting.Kind.HYBRID,
        starts_at=_at(10, 14),
        duration_minutes=120,
        venue=hall,
        joining_details="Video call: https://meet.example.org/transport-results",
    )
    actions.invite(meeting=past, people=coproducers, invited_by=staff)
    for invitation in past.invitations.all():
        actions.reply(invitation=invitation, answer="yes")
    checklist.sync(past, staff)
    for item in past.arrangements.all():
        actions.update_arrangement(
            item=item, owner=staff, status=Arrangement.Status.DONE, due_on=item.due_on, note=""
        )
    Meeting.objects.filter(pk=past.pk).update(starts_at=_at(-14, 14))
    past.refresh_from_db()
    actions.record_attendance(
        meeting=past,
        minutes_by_person={person: 120 - 30 * (n % 2) for n, person in enumerate(coproducers)},
        recorded_by=staff,
    )
    answers = [
        ("yes", "yes", "yes", ""),
        ("no", "partly", "yes", "The captions stopped after the break and nobody noticed."),
    ]
    for person, (met, listened, said, words) in zip(coproducers, answers * 5, strict=False):
        actions.give_feedback(
            meeting=past,
            person=person,
            anonymous=met == "no",
            access_needs_met=met,
            listened_to=listened,
            could_say=said,
            anything_else=words,
        )
    _decided_at(past, staff)
    recent = _meeting(
        lead,
        title="Co-production forum",
        kind=Meeting.Kind.ONLINE,
        starts_at=_at(12, 10),
        duration_minutes=90,
        joining_details="Video call: https://meet.example.org/forum (captions on)",
    )
    # Chris (the demo co-producer sign-in) came and has not given feedback yet.
    forum = sorted(coproducers, key=lambda person: person.email != "coproducer@example.org")[:4]
    actions.invite(meeting=recent, people=forum, invited_by=lead)
    for invitation in recent.invitations.all():
        actions.reply(invitation=invitation, answer="yes")
    Meeting.objects.filter(pk=recent.pk).update(starts_at=_at(-2, 10))
    recent.refresh_from_db()
    actions.record_attendance(
        meeting=recent, minutes_by_person={p: 90 for p in forum[:3]}, recorded_by=lead
    )
    actions.give_feedback(
        meeting=recent, person=forum[1], anonymous=False,
        access_needs_met="yes", listened_to="yes", could_say="yes", anything_else="",
    )  # fmt: skip
    log(f"Demo meetings: {Meeting.objects.count()}, at {Venue.objects.count()} venues")
    # What the scheduled jobs would have sent by now (the worker sends the messages).
    asked, told = nudges.send_feedback_reminders(), nudges.send_arrangement_reminders()
    log(f"Demo nudges: {asked} asked for feedback, {told} told about arrangements due")
