"""Who works together on projects, for other apps (people, meetings,
opportunities), so they never read the team table themselves."""

from django.db.models import Q

from .models import Project, TeamMember


def projects_run_by(user):
    """Projects `user` leads, or is on the team of as a member of staff, today."""
    return Project.objects.filter(
        Q(lead=user)
        | Q(
            pk__in=TeamMember.objects.current()
            .filter(person=user, kind=TeamMember.Kind.STAFF)
            .values("project")
        )
    )


def people_on_teams_run_by(user):
    """Ids of everyone on the current team of a project `user` runs."""
    return TeamMember.objects.current().filter(project__in=projects_run_by(user)).values("person")
