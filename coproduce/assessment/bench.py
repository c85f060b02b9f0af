"""Self-assessment for the benchmark: three rounds of the shipped framework (two closed,
one open) a year apart, each answered by a share of staff and of co-producers (scores
drifting upwards round by round, some comments, some statements skipped), and an
action plan raised from each closed round."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment
from coproduce.lib.figures import AREAS
from coproduce.lib.generation import Loading, bulk, sentence

from . import actions
from .models import Action, Answer, Framework, Perspective, Response, Round


def _people(role):
    return list(RoleAssignment.objects.filter(role=role).values_list("user_id", flat=True))


def generate(scale, rng, log):
    framework = Framework.objects.order_by("pk").first()
    if framework is None:
        return
    statements = list(framework.statements.values_list("pk", flat=True))
    leads = _people(Role.LEAD)
    staff = _people(Role.STAFF) + leads
    coproducers = _people(Role.COPRODUCER)
    today = timezone.localdate()
    rounds = []
    for n, years_ago in enumerate((2, 1, 0)):
        opened = today - timedelta(days=365 * years_ago + 20)
        rounds.append(
            Round(
                framework=framework,
                title=f"Bench self-assessment {opened.year} ({n + 1})",
                opened_on=opened,
                closes_on=opened + timedelta(days=45),
                closed=years_ago > 0,
                opened_by_id=rng.choice(leads),
            )
        )
    bulk(Round, rounds)
    rounds = list(Round.objects.order_by("-pk")[:3].values_list("pk", "closed", "opened_on"))[::-1]
    responses = []
    for round_id, _, opened in rounds:
        # About 30% of staff and 4% of co-producers answer each round.
        for people, perspective, share in (
            (staff, Perspective.STAFF, 0.3),
            (coproducers, Perspective.COPRODUCER, 0.04),
        ):
            for person in rng.sample(people, round(len(people) * share)):
                responses.append(
                    Response(
                        round_id=round_id,
                        person_id=person,
                        perspective=perspective,
                        submitted_at=timezone.now() - timedelta(days=(today - opened).days - 10)
                        if rng.random() < 0.9
                        else None,
                    )
                )
    bulk(Response, responses)
    first_round = rounds[0][0]
    with Loading(log) as load:
        answers = load.table(Answer, ["response_id", "statement_id", "score", "comment"])
        for response_id, round_id, perspective in Response.objects.filter(
            round_id__gte=first_round
        ).values_list("pk", "round_id", "perspective"):
            lift = round_id - first_round
            low = 1 if perspective == Perspective.COPRODUCER else 2
            for statement in statements:
                if rng.random() < 0.08:
                    continue  # skipped
                answers.add(
                    (
                        response_id,
                        statement,
                        None if rng.random() < 0.05 else min(5, rng.randint(low, 4) + lift // 2),
                        sentence(rng, 14) if rng.random() < 0.1 else "",
                    )
                )
    for round_ in Round.objects.filter(pk__in=[round_id for round_id, _, _ in rounds]):
        actions.tally_results(round_=round_)
    areas = list(AREAS)
    plan = []
    for round_id, closed, opened in rounds:
        for _ in range(rng.randint(6, 14) if closed else 0):
            due = opened + timedelta(days=rng.randint(60, 400))
            status = rng.choice(list(Action.Status.values))
            plan.append(
                Action(
                    round_id=round_id,
                    area=rng.choice(areas),
                    what=sentence(rng, 16),
                    owner_id=rng.choice(staff),
                    due_on=due,
                    status=status,
                    done_on=min(due, today) if status == Action.Status.DONE else None,
                    created_by_id=rng.choice(leads),
                )
            )
    bulk(Action, plan)
    log(f"    3 rounds, {len(responses)} responses, {answers.count} answers, {len(plan)} actions")
