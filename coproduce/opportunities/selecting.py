"""Who chooses people for an opportunity, for other apps (people reads "who this
member of staff works with" through here, never the applications table).

Whoever created an opportunity selects for it; so do the lead and the staff
members of its project, whose team the people chosen join."""

from django.db.models import Q

from coproduce.projects.team import projects_run_by

from .models import Application, Opportunity


def opportunities_selected_by(user):
    return Opportunity.objects.filter(Q(created_by=user) | Q(project__in=projects_run_by(user)))


def applicants_to_opportunities_selected_by(user):
    """Ids of everyone who applied (and has not withdrawn) to an opportunity `user` selects for."""
    return (
        Application.objects.filter(opportunity__in=opportunities_selected_by(user))
        .exclude(status=Application.Status.WITHDRAWN)
        .values("person")
    )
