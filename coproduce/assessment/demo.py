"""Demo self-assessment: two rounds where co-producers see less progress than
staff (the gap narrows in the second), with comments and an action plan; the demo
co-producer co-owns one action and has commented on it."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.demo import demo_staff
from coproduce.accounts.models import Role, User

from . import actions
from .models import Action, Framework, Perspective, Round

# Average score per area, (staff, co-producers), for each round.
ROUNDS = [
    (
        "Autumn 2025 self-assessment",
        200,
        {"culture": (4, 2), "structure": (3, 2), "practice": (4, 3), "review": (3, 1)},
    ),
    (
        "Spring 2026 self-assessment",
        20,
        {"culture": (4, 3), "structure": (4, 3), "practice": (4, 4), "review": (3, 2)},
    ),
]
COMMENTS = {
    Perspective.COPRODUCER: "We are asked once the plan is already made.",
    Perspective.STAFF: "We involve people in every project now.",
}
ACTIONS = [
    ("review", "Agree the next audit's questions with the co-producers' group.", -10, "open"),
    ("culture", "Board to meet the co-producers' group twice a year.", 45, "in_progress"),
    ("structure", "Pay every claim within 14 days; report the time to pay monthly.", 30, "open"),
    ("practice", "Send meeting papers a week ahead, in Easy Read too.", -30, "done"),
]


def load(log):
    if Round.objects.exists():
        log(f"Demo self-assessment rounds: {Round.objects.count()} (already there)")
        return
    lead = User.objects.get(email="lead@example.org")
    framework = Framework.objects.order_by("pk").first()
    staff = demo_staff() + list(User.objects.filter(email="staff@example.org"))
    coproducers = list(
        User.objects.filter(role_assignments__role=Role.COPRODUCER).order_by("pk")[:12]
    )
    today = timezone.localdate()
    statements = list(framework.statements.all())
    made = []
    for title, days_ago, scores in ROUNDS:
        round_ = actions.open_round(
            framework=framework,
            title=title,
            closes_on=today - timedelta(days=days_ago) + timedelta(days=35),
            opened_by=lead,
        )
        Round.objects.filter(pk=round_.pk).update(opened_on=today - timedelta(days=days_ago))
        for perspective, people, index in (
            (Perspective.STAFF, staff, 0),
            (Perspective.COPRODUCER, coproducers, 1),
        ):
            for number, person in enumerate(people):
                answers = {}
                for statement in statements:
                    # Spread around the area's average: -1, 0, +1 in turn.
                    base = scores[statement.area][index]
                    score = min(5, max(1, base + (number + statement.order) % 3 - 1))
                    comment = COMMENTS[perspective] if number == 0 and statement.order == 1 else ""
                    answers[statement] = (score, comment)
                actions.save_answers(
                    round_=round_,
                    person=person,
                    perspective=perspective,
                    answers=answers,
                    submit=True,
                )
        made.append(round_)
    actions.close_round(round_=made[0])
    owners = [lead, *staff[:3]]
    for (area, what, due_in, status), owner in zip(ACTIONS, owners, strict=True):
        action = actions.raise_action(
            created_by=lead,
            round=made[0],
            area=area,
            what=what,
            owner=owner,
            due_on=today + timedelta(days=due_in),
        )
        if status != Action.Status.OPEN:
            actions.update_action(
                action=action,
                status=status,
                note="Progress at the last team meeting.",
                author=owner,
            )
    _co_owned(lead)
    log(f"Demo self-assessment: {len(made)} rounds, {len(ACTIONS)} actions")


def _co_owned(lead):
    """The demo co-producer co-owns the action on the next audit's questions and has
    commented on it; the lead has answered."""
    coproducer = User.objects.filter(email="coproducer@example.org").first()
    action = Action.objects.filter(area="review").order_by("pk").first()
    if coproducer is None or action is None:
        return
    actions.add_co_owner(action=action, person=coproducer, by=coproducer)
    actions.comment_on_action(
        action=action,
        text="I can bring three questions from our last group meeting.",
        author=coproducer,
    )
    actions.comment_on_action(
        action=action, text="Thank you: bring them to the next planning meeting.", author=lead
    )
