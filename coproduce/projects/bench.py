"""Projects for the benchmark: 2,000 at scale 1, each with stages, a team (a few people
are on many teams, most on one or two), rung declarations, decisions with who was
present, and "you said, we did" feedback."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.generation import Loading, bulk, days_ago, scaled, sentence, skewed_pick

from .actions import check_evidence
from .models import Decision, Feedback, Project, Rung, RungDeclaration, Stage, TeamMember

STAGES = ["Planning", "Finding out", "Designing", "Doing", "Looking back"]


def _people(role):
    return list(
        RoleAssignment.objects.filter(role=role).values_list("user_id", flat=True).order_by("pk")
    )


def generate(scale, rng, log):
    leads, staff, coproducers = _people(Role.LEAD), _people(Role.STAFF), _people(Role.COPRODUCER)
    rungs = list(Rung.objects.values_list("pk", flat=True))
    count = scaled(2_000, scale, minimum=20)
    statuses = (
        [Project.Status.ACTIVE] * 5
        + [Project.Status.FINISHED] * 3
        + [
            Project.Status.PLANNED,
            Project.Status.PAUSED,
        ]
    )
    projects = []
    for n in range(count):
        starts = days_ago(rng, 1500)
        projects.append(
            Project(
                title=f"{sentence(rng, 4)[:-1]} ({n + 1})",
                purpose=sentence(rng, 30),
                summary=sentence(rng, 20),
                lead_id=rng.choice(leads),
                status=rng.choice(statuses),
                visibility=rng.choice([Project.Visibility.PUBLIC, Project.Visibility.TEAM]),
                starts_on=starts,
                ends_on=starts + timedelta(days=rng.randint(60, 700)),
                declared_rung_id=rng.choice(rungs),
                declared_reason=sentence(rng, 15),
                created_at=timezone.now() - timedelta(days=rng.randint(0, 1500)),
            )
        )
    bulk(Project, projects)
    projects = list(Project.objects.order_by("-pk")[:count].values_list("pk", "lead_id"))
    with Loading(log) as load:
        stages = load.table(Stage, ["project_id", "name", "order", "coproducers_involved"])
        team = load.table(TeamMember, ["project_id", "person_id", "kind", "role"])
        declarations = load.table(
            RungDeclaration, ["project_id", "rung_id", "reason", "declared_by_id"]
        )
        for project_id, lead_id in projects:
            for order, name in enumerate(STAGES[: rng.randint(2, 5)]):
                stages.add((project_id, name, order, rng.random() < 0.6))
            on_team = {lead_id}
            team.add((project_id, lead_id, "staff", "Lead"))
            chosen = [(p, "staff") for p in rng.sample(staff, min(len(staff), rng.randint(0, 2)))]
            chosen += [(p, "coproducer") for p in skewed_pick(rng, coproducers, rng.randint(3, 12))]
            for person, kind in chosen:
                if person not in on_team:  # someone may hold both roles
                    on_team.add(person)
                    team.add((project_id, person, kind, "Member"))
            for _ in range(rng.randint(1, 3)):
                declarations.add((project_id, rng.choice(rungs), sentence(rng, 12), lead_id))
    members = {}
    new = [project_id for project_id, _ in projects]
    for project_id, person_id in TeamMember.objects.filter(
        kind="coproducer", project_id__in=new
    ).values_list("project_id", "person_id"):
        members.setdefault(project_id, []).append(person_id)
    with Loading(log) as load:
        decisions = load.table(
            Decision,
            ["project_id", "decided_on", "what", "why", "agreement", "recorded_by_id"],
        )
        feedback = load.table(
            Feedback,
            ["project_id", "said", "source", "said_on", "outcome", "response", "recorded_by_id"],
        )
        for project_id, lead_id in projects:
            for _ in range(rng.randint(0, 10)):
                decisions.add(
                    (
                        project_id,
                        days_ago(rng, 1000),
                        sentence(rng, 14),
                        sentence(rng, 20),
                        rng.choice(Decision.Agreement.values),
                        lead_id,
                    )
                )
            for _ in range(rng.randint(0, 8)):
                outcome = rng.choice(Feedback.Outcome.values)
                feedback.add(
                    (
                        project_id,
                        sentence(rng, 18),
                        rng.choice(Feedback.Source.values),
                        days_ago(rng, 1000),
                        outcome,
                        "" if outcome == "open" else sentence(rng, 16),
                        lead_id,
                    )
                )
    with Loading(log) as load:
        present = load.table(Decision.present.through, ["decision_id", "user_id"])
        for decision_id, project_id in Decision.objects.filter(project_id__in=new).values_list(
            "pk", "project_id"
        ):
            people = members.get(project_id, [])
            for person in rng.sample(people, min(len(people), 4)):
                present.add((decision_id, person))
        said_by = load.table(Feedback.said_by.through, ["feedback_id", "user_id"])
        for feedback_id, project_id in Feedback.objects.filter(project_id__in=new).values_list(
            "pk", "project_id"
        ):
            if members.get(project_id):
                said_by.add((feedback_id, rng.choice(members[project_id])))
    check_evidence(project_ids=new)
    log(
        f"    {len(projects)} projects, {team.count} team places, {decisions.count} decisions, "
        f"{feedback.count} feedback"
    )
