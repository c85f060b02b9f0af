"""A project's recent activity, for its team: built from the records themselves,
newest first, in a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext

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
                str(declaration.declared_by or gettext("Someone")),
                gettext("declared rung %(number)s, %(name)s: %(reason)s")
                % {
                    "number": declaration.rung.number,
                    "name": declaration.rung.name_shown,
                    "reason": declaration.reason,
                },
            )
        )
    for decision in project.decisions.select_related("recorded_by").order_by("-created_at")[:limit]:
        what = (
            gettext("suggested a decision: %(what)s")
            if decision.status == "proposed"
            else gettext("recorded a decision: %(what)s")
        )
        events.append(
            Event(
                decision.created_at,
                str(decision.recorded_by or gettext("Someone")),
                what % {"what": decision.what},
            )
        )
    views = DecisionView.objects.filter(decision__project=project)
    for view in views.select_related("author", "decision").order_by("-created_at")[:limit]:
        events.append(
            Event(
                view.created_at,
                str(view.author),
                gettext("added their view on “%(what)s”") % {"what": view.decision.what},
            )
        )
    said = visible_feedback(user, project, project.feedback.all())
    for item in said.select_related("recorded_by", "responded_by").order_by("-pk")[:limit]:
        someone = gettext("Someone")
        said_by = someone if item.anonymous else str(item.recorded_by or someone)
        events.append(
            Event(
                _at(item.said_on),
                said_by,
                gettext("recorded what was said: %(said)s") % {"said": item.said},
            )
        )
        if item.is_answered:
            events.append(
                Event(
                    _at(item.responded_on),
                    str(item.responded_by or someone),
                    gettext("answered: %(outcome)s")
                    % {"outcome": item.get_outcome_display().lower()},
                )
            )
    for member in project.team.select_related("person").order_by("-joined_on")[:limit]:
        events.append(
            Event(
                _at(member.joined_on),
                str(member.person),
                gettext("joined the team as %(role)s") % {"role": member.role},
            )
        )
        if member.left_on:
            events.append(Event(_at(member.left_on), str(member.person), gettext("left the team")))
    events.sort(key=lambda event: event.when, reverse=True)
    return events[:limit]
