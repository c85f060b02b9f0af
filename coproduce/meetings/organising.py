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


def people_invited_by_organiser(user):
    """Ids of everyone invited to a meeting `user` organises."""
    return Invitation.objects.filter(meeting__in=meetings_organised_by(user)).values("person")
