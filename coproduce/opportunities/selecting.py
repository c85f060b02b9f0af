"""Who chooses people for an opportunity, for other apps (people reads "who this
member of staff works with" through here, never the applications table).

Whoever created an opportunity selects for it; so do the lead and the staff
members of its project, whose team the people chosen join."""

from django.db.models import Q

from coproduce.projects.team import ids_of_projects_run_by, projects_run_by

from .models import Application, Opportunity


def opportunities_selected_by(user):
    return Opportunity.objects.filter(Q(created_by=user) | Q(project__in=projects_run_by(user)))


def applicants_to_opportunities_selected_by(user):
    """Ids of everyone who applied (and has not withdrawn) to an opportunity `user` selects for."""
    return (
        Application.objects.filter(
            Q(opportunity__created_by=user)
            | Q(opportunity__project__in=ids_of_projects_run_by(user))
        )
        .exclude(status=Application.Status.WITHDRAWN)
        .values("person")
    )
