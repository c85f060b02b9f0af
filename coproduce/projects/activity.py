"""A project's recent activity, for its team: built from the records themselves,
newest first, in a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone

from .models import DecisionView
from .rules import visible_feedback


@dataclass
class Event:
    when: datetime
    who: str
    what: str


def _at(day):
    if isinstance(day, datetime):
        return day
    return timezone.make_aware(datetime.combine(day, time.min))


def recent_activity(project, user, limit=20):
    """What happened lately on `project`, as `user` may see it."""
    events = []
    for declaration in project.declarations.select_related("rung", "declared_by")[:limit]:
        events.append(
            Event(
                declaration.declared_at,
                str(declaration.declared_by or "Someone"),
                f"declared rung {declaration.rung.number}, {declaration.rung.name}: {declaration.reason}",
            )
        )
    for decision in project.decisions.select_related("recorded_by").order_by("-created_at")[:limit]:
        verb = "suggested a decision" if decision.status == "proposed" else "recorded a decision"
        events.append(
            Event(
                decision.created_at,
                str(decision.recorded_by or "Someone"),
                f"{verb}: {decision.what}",
            )
        )
    views = DecisionView.objects.filter(decision__project=project)
    for view in views.select_related("author", "decision").order_by("-created_at")[:limit]:
        events.append(
            Event(view.created_at, str(view.author), f"added their view on “{view.decision.what}”")
        )
    said = visible_feedback(user, project, project.feedback.all())
    for item in said.select_related("recorded_by", "responded_by").order_by("-pk")[:limit]:
        said_by = "Someone" if item.anonymous else str(item.recorded_by or "Someone")
        events.append(Event(_at(item.said_on), said_by, f"recorded what was said: {item.said}"))
        if item.is_answered:
            events.append(
                Event(
                    _at(item.responded_on),
                    str(item.responded_by or "Someone"),
                    f"answered: {item.get_outcome_display().lower()}",
                )
            )
    for member in project.team.select_related("person").order_by("-joined_on")[:limit]:
        events.append(
            Event(_at(member.joined_on), str(member.person), f"joined the team as {member.role}")
        )
        if member.left_on:
            events.append(Event(_at(member.left_on), str(member.person), "left the team"))
    events.sort(key=lambda event: event.when, reverse=True)
    return events[:limit]
