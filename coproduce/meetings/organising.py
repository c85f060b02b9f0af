"""Who organises a meeting, for the checklist's rules and for other apps (people
reads "who this organiser works with" through here, never the invitations table).

A meeting's organiser organises it; so do the lead and the staff members of the
project it is held for, who share the running of that project's meetings."""

from django.db.models import Q

from coproduce.projects.team import projects_run_by

from .models import Invitation, Meeting


def meetings_organised_by(user):
    return Meeting.objects.filter(Q(organiser=user) | Q(project__in=projects_run_by(user)))


def organises(user, meeting):
    return meetings_organised_by(user).filter(pk=meeting.pk).exists()


# Everyone invited to a meeting `user` organises, in two parts (one for each way of
# organising): asked about one person, each reads that person's invitations, where
# one condition with "or" made PostgreSQL read all 40,000 meetings (decision 0016).
def people_invited_by_organiser(user):
    """Ids of everyone invited to a meeting `user` is the organiser of."""
    return Invitation.objects.filter(meeting__organiser=user).values("person")


def people_invited_to_meetings_of_projects_run_by(user):
    """Ids of everyone invited to a meeting of a project `user` runs."""
    return Invitation.objects.filter(meeting__project__in=projects_run_by(user)).values("person")
