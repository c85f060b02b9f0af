"""Who works together on projects, for other apps (people, meetings,
opportunities), so they never read the team table themselves."""

from django.contrib.auth import get_user_model
from django.db.models import Max, Q

from .models import Project, TeamMember
from .rules import runs_projects


def projects_run_by(user):
    """Projects `user` leads, or is on the team of as a member of staff, today."""
    # One set of ids from the two indexes. As "lead = user OR id IN (their teams)",
    # PostgreSQL read every project to test each: 1 ms at scale 1 on the person page
    # (the passport check), growing with the projects.
    ids = (
        Project.objects.filter(lead=user)
        .order_by()
        .values("pk")
        .union(
            TeamMember.objects.current()
            .filter(person=user, kind=TeamMember.Kind.STAFF)
            .order_by()
            .values("project")
        )
    )
    return Project.objects.filter(pk__in=ids)


def projects_led_by(user):
    """Projects `user` leads today: as the staff lead or as a current co-producer co-lead.
    Only for powers over the project (choosing people for its opportunities): it is never
    a reason to read anyone's access passport, so `people_on_teams_run_by` leaves it out."""
    # One set of ids, as in projects_run_by: "lead = user OR id IN (…)" read every
    # project (12 ms of a co-producer's Today at scale 10).
    ids = (
        Project.objects.filter(lead=user)
        .order_by()
        .values("pk")
        .union(projects_co_led_by(user).order_by())
    )
    return Project.objects.filter(pk__in=ids)


def co_leads_a_project(user):
    """True when `user` is a current co-producer co-lead of some project."""
    return TeamMember.objects.current().filter(person=user, co_lead=True).exists()


def projects_co_led_by(user):
    """Ids of the projects `user` co-leads today, as a subquery."""
    return TeamMember.objects.current().filter(person=user, co_lead=True).values("project")


def people_on_teams_run_by(user):
    """Ids of everyone on the current team of a project `user` runs (staff only: the
    passport link; co-producer co-leads are left out on purpose)."""
    return TeamMember.objects.current().filter(project__in=projects_run_by(user)).values("person")


def active_coproducers(period):
    """Co-producers on a project team at any time in the period: a queryset of users."""
    memberships = TeamMember.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=period.start),
        kind=TeamMember.Kind.COPRODUCER,
        joined_on__lte=period.end,
    )
    return get_user_model().objects.filter(pk__in=memberships.values("person_id"))


def last_joined_as_coproducer(person_ids):
    """{person id: the latest day they joined a project team as a co-producer}: one query."""
    return dict(
        TeamMember.objects.filter(person_id__in=person_ids, kind=TeamMember.Kind.COPRODUCER)
        .values("person_id")
        .annotate(last=Max("joined_on"))
        .values_list("person_id", "last")
    )


def visible_projects(user):
    """Projects `user` may see: all of them for those who run projects, otherwise public
    ones and those whose team they are on today. The projects list and the API share it."""
    projects = Project.objects.all()
    if runs_projects(user):
        return projects
    current_team = TeamMember.objects.current().filter(person=user).values("project_id")
    return projects.filter(Q(pk__in=current_team) | Q(visibility=Project.Visibility.PUBLIC))
