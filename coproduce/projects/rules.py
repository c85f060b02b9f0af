"""Who may see and change a project. Co-producers see the projects they are on
and those shared with everyone signed in; board members see only aggregates.
A project's lead (staff) and its co-producer co-leads have the same powers over it:
`leads_project` is the one test, and a co-lead's powers end the day they leave."""

import rules
from django.db.models import Exists, OuterRef
from django.utils import timezone

from coproduce.accounts.rules import is_administrator, is_coproducer, is_lead, is_staff_member

from .models import Project, TeamMember


def _places(kind, co_lead):
    return {kind, TeamMember.CO_LEAD} if co_lead else {kind}


def _current_kinds(user, project):
    """The kinds of current membership `user` has on `project` (with TeamMember.CO_LEAD
    for a co-lead): asked once per project object, however many permissions a page checks."""
    if not user.is_authenticated or project is None:
        return set()
    asked = project.__dict__.setdefault("_current_kinds_of", {})
    if user.pk not in asked:
        asked[user.pk] = set().union(
            *(
                _places(kind, co_lead)
                for kind, co_lead in TeamMember.objects.current()
                .filter(project=project, person=user)
                .values_list("kind", "co_lead")
            )
        )
    return asked[user.pk]


def remember_current_kinds(user, project, team):
    """Fills the same answer from a team a page has already fetched (every member)."""
    if user.is_authenticated:
        today = timezone.localdate()
        project.__dict__.setdefault("_current_kinds_of", {})[user.pk] = set().union(
            *(
                _places(member.kind, member.co_lead)
                for member in team
                if member.person_id == user.pk
                and (member.left_on is None or member.left_on > today)
            )
        )


def viewer_places(user, project_field="project"):
    """Annotations that fetch `user`'s current places on the project a row points to,
    in the query that fetches the row: a page of one object (an opportunity, a meeting)
    then asks the same questions whether or not it belongs to a project. Read back with
    remember_viewer_places."""
    team = TeamMember.objects.current().filter(project=OuterRef(project_field), person=user.pk)
    return {
        **{f"viewer_{kind}": Exists(team.filter(kind=kind)) for kind in TeamMember.Kind.values},
        "viewer_co_lead": Exists(team.filter(co_lead=True)),
    }


def remember_viewer_places(user, project, row):
    if project is None or not user.is_authenticated:
        return
    places = {kind for kind in TeamMember.Kind.values if getattr(row, f"viewer_{kind}")}
    if row.viewer_co_lead:
        places.add(TeamMember.CO_LEAD)
    project.__dict__.setdefault("_current_kinds_of", {})[user.pk] = places


@rules.predicate
def is_on_team(user, project):
    return bool(_current_kinds(user, project))


@rules.predicate
def is_coproducer_on_team(user, project):
    return TeamMember.Kind.COPRODUCER in _current_kinds(user, project)


@rules.predicate
def is_project_lead(user, project):
    return project is not None and user.is_authenticated and project.lead_id == user.pk


@rules.predicate
def is_co_lead(user, project):
    """A co-producer who co-leads `project` today."""
    return TeamMember.CO_LEAD in _current_kinds(user, project)


# Everywhere the project lead has power, a current co-lead has it too.
leads_project = is_project_lead | is_co_lead


@rules.predicate
def is_shared_with_everyone(user, project):
    return project is not None and project.visibility == Project.Visibility.PUBLIC


@rules.predicate
def is_staff_on_team(user, project):
    return TeamMember.Kind.STAFF in _current_kinds(user, project)


runs_projects = is_lead | is_staff_member | is_administrator
can_manage = is_lead | is_administrator | leads_project | (is_staff_member & is_staff_on_team)

rules.add_perm("projects.view_project_list", runs_projects | is_coproducer)
rules.add_perm("projects.add_project", is_lead | is_staff_member)
rules.add_perm(
    "projects.view_project", runs_projects | is_on_team | (is_coproducer & is_shared_with_everyone)
)
rules.add_perm("projects.change_project", can_manage)
rules.add_perm("projects.record_decision", can_manage)
rules.add_perm("projects.propose_decision", is_coproducer_on_team)
rules.add_perm("projects.add_decision_view", is_on_team | can_manage)
# Each member gives their own position; those who run the project (record_decision) open
# and close decisions and record positions for others.
rules.add_perm("projects.record_position", is_on_team)
rules.add_perm("projects.add_feedback", can_manage | is_coproducer_on_team)
rules.add_perm("projects.answer_feedback", can_manage)
rules.add_perm("projects.view_ladder", rules.is_authenticated)
# The activity feed is for the team and the people who run projects.
rules.add_perm("projects.view_activity", runs_projects | is_on_team)


def visible_feedback(user, project, items):
    """What was said (`items`, the project's Feedback) that `user` may read: the
    project's managers and current team see everything; others only what was
    marked to show to everyone. Every page and the activity feed go through this."""
    if user.has_perm("projects.change_project", project) or is_on_team(user, project):
        return items
    return items.filter(public=True)
