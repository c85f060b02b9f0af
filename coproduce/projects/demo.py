"""Demo projects at different rungs; some declare more than their records show."""

from datetime import date, timedelta

from django.db.models import Count

from coproduce.accounts.models import User
from coproduce.people.demo import involved_coproducers

from . import actions
from .models import Decision, Feedback, Position, Project, Rung, Stage, TeamMember

# title, declared rung, stages involved (by position), decisions (shared, not shared),
# "you said" items (answered, open), status, visibility
PROJECTS = [
    ("Redesigning the direct payments guide", 7, [1, 2, 3, 4], (5, 0), (4, 0), "active", "public"),
    ("Accessible transport to day centres", 6, [2, 3], (3, 1), (2, 1), "active", "team"),
    ("Peer support network for carers", 7, [3], (1, 3), (1, 2), "active", "public"),
    ("Hospital discharge experiences survey", 4, [], (0, 2), (3, 0), "finished", "team"),
    ("Mental health crisis line review", 5, [1, 2], (2, 1), (2, 2), "active", "team"),
    ("Easy Read letters project", 6, [1, 2, 3], (4, 0), (3, 1), "active", "public"),
    ("Short breaks commissioning", 7, [4], (0, 4), (0, 3), "planned", "team"),
    ("Young disabled people's forum", 3, [], (2, 0), (0, 0), "paused", "team"),
]

SAID = [
    (
        "The meeting room was too noisy for me to follow.",
        "We now book the quiet room on the ground floor.",
    ),
    (
        "Papers arrived the night before. I need them a week ahead.",
        "Papers now go out seven days before every meeting.",
    ),
    (
        "Please pay travel on the day, not a month later.",
        "Travel is now paid within five working days.",
    ),
    (
        "Can we meet online as well as in person?",
        "We could not do this yet: the venue has no camera. We are buying one in March.",
    ),
]


def load(log):
    if Project.objects.exists():
        log(f"Demo projects: {Project.objects.count()} (already there)")
        return
    staff = User.objects.get(email="staff@example.org")
    lead = User.objects.get(email="lead@example.org")
    # Not the newcomer: nobody works with them yet (see people/demo.py).
    coproducers = list(involved_coproducers().order_by("email"))
    today = date.today()
    for index, (title, rung, involved, decisions, said, status, visibility) in enumerate(PROJECTS):
        project = actions.create_project(
            created_by=staff,
            rung=Rung.objects.get(number=rung),
            reason="Declared when the project started.",
            title=title,
            purpose=f"To improve {title.lower()} with the people it affects.",
            summary=f"Disabled people and staff are working on {title.lower()} together.",
            lead=staff if index % 2 == 0 else lead,
            status=status,
            visibility=visibility,
            starts_on=today - timedelta(days=30 * (index + 2)),
        )
        members = coproducers[: 1 + index % len(coproducers)] if involved or decisions[0] else []
        for person in members:
            actions.add_team_member(
                project=project, person=person, kind=TeamMember.Kind.COPRODUCER, role="Member"
            )
        Stage.objects.filter(project=project, order__in=involved).update(
            coproducers_involved=True, how_involved="Co-producers attended every workshop."
        )
        shared, not_shared = decisions
        for n in range(shared + not_shared):
            with_them = n < shared and members
            actions.record_decision(
                project=project,
                recorded_by=staff,
                present=[staff, *members] if with_them else [staff],
                decided_on=today - timedelta(days=7 * (n + 1)),
                what=f"Decision {n + 1}: agree the next step for the {title.lower()}.",
                why="It was what the group felt would make the most difference.",
                agreement=Decision.Agreement.AGREED if with_them else Decision.Agreement.NOT_ASKED,
            )
        answered, open_items = said
        for n in range(answered + open_items):
            said_text, did = SAID[n % len(SAID)]
            item = actions.record_feedback(
                project=project,
                recorded_by=staff,
                said_by=members[:1],
                said=said_text,
                source=Feedback.Source.MEETING,
                public=True,
            )
            if n < answered:
                item.outcome = (
                    Feedback.Outcome.DONE if "could not" not in did else Feedback.Outcome.COULD_NOT
                )
                item.response, item.responded_by, item.responded_on = did, staff, today
                item.save()
        actions.check_evidence(project_ids=[project.pk])  # the stages and answers above
    # The demo co-producer co-leads the Easy Read letters project (which has an
    # opportunity to choose people for), so signing in as them shows a co-lead's powers.
    actions.add_team_member(
        project=Project.objects.get(title="Easy Read letters project"),
        person=User.objects.get(email="coproducer@example.org"),
        kind=TeamMember.Kind.COPRODUCER,
        role="Co-lead",
        co_lead=True,
    )
    _open_decision(staff)
    log(f"Demo projects: {len(PROJECTS)}")


def _open_decision(staff):
    """A proposal open for positions on a project the demo co-producer is on: some of
    the team have answered (one by phone, through staff); the demo co-producer has not,
    so it is on their Today. The meetings demo adds a closed one linked to a meeting."""
    demo = User.objects.get(email="coproducer@example.org")
    active = Project.objects.filter(status=Project.Status.ACTIVE)
    project = active.annotate(members=Count("team")).order_by("-members", "pk")[0]
    actions.add_team_member(
        project=project, person=demo, kind=TeamMember.Kind.COPRODUCER, role="Member"
    )
    decision = actions.open_decision(
        project=project,
        opened_by=project.lead,
        what="Send meeting papers two weeks ahead, in each person's format.",
        why="One week is not long enough to get papers in Braille or Easy Read.",
        closes_on=date.today() + timedelta(days=10),
    )
    others = [
        m.person
        for m in project.team.exclude(person=demo)
        .exclude(person=project.lead)
        .select_related("person")
    ]
    stances = [
        (
            Position.Stance.AGREE,
            "Yes: I need time to read with my support worker.",
            Position.Way.WEB,
        ),
        (Position.Stance.ABSTAIN, "", Position.Way.ON_BEHALF),
    ]
    for person, (stance, reason, way) in zip(others, stances, strict=False):
        actions.record_position(
            decision=decision,
            person=person,
            stance=stance,
            reason=reason,
            recorded_by=person if way == Position.Way.WEB else staff,
            way=way,
            on_behalf_reason="by phone" if way == Position.Way.ON_BEHALF else "",
        )
