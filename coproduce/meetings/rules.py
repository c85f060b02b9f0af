"""Who may do what with meetings. Staff and the lead run meetings and arrange
access; those organising a meeting see its checklist (arrangements, never diagnoses). Invited
people see their meetings, reply, and give feedback afterwards. Board members
see only the dashboard's aggregates."""

import rules

from coproduce.accounts.rules import (
    is_administrator,
    is_coproducer,
    is_lead,
    is_staff_member,
)
from coproduce.projects.rules import leads_project
from coproduce.projects.team import co_leads_a_project

from .models import Invitation
from .organising import organises


def fetched_for(meeting, user, name):
    """True when a page fetched `name` with the meeting for this user (views/common.py's
    `meeting_for_viewer`), so a rule need not ask the database again."""
    return getattr(meeting, "viewer_id", None) == user.pk and hasattr(meeting, name)


@rules.predicate
def is_invited(user, meeting):
    if meeting is None or not user.is_authenticated:
        return False
    if fetched_for(meeting, user, "viewer_invitations"):
        return bool(meeting.viewer_invitations)
    return Invitation.objects.filter(meeting=meeting, person=user).exists()


@rules.predicate
def has_started(user, meeting):
    return meeting is not None and meeting.has_started


@rules.predicate
def was_there(user, meeting):
    """Invited and said they were coming, or recorded as attending."""
    if meeting is None or not user.is_authenticated:
        return False
    return (
        meeting.attendance.filter(person=user).exists()
        or meeting.invitations.filter(person=user, reply=Invitation.Reply.YES).exists()
    )


@rules.predicate
def organises_it(user, meeting):
    if meeting is None or not user.is_authenticated:
        return False
    if fetched_for(meeting, user, "viewer_organises"):
        return meeting.viewer_organises
    return organises(user, meeting)


@rules.predicate
def co_leads_its_project(user, meeting):
    """A co-producer co-lead runs the meetings of the project they co-lead, as its
    staff lead does; never the access checklist, which is built from passports."""
    return (
        meeting is not None
        and meeting.project_id is not None
        and is_coproducer(user)
        and leads_project(user, meeting.project)
    )


@rules.predicate
def is_co_lead_of_a_project(user):
    return user.is_authenticated and is_coproducer(user) and co_leads_a_project(user)


runs_meetings = is_lead | is_staff_member

rules.add_perm("meetings.view_meeting_list", runs_meetings | is_administrator | is_coproducer)
rules.add_perm("meetings.add_meeting", runs_meetings | is_co_lead_of_a_project)
rules.add_perm(
    "meetings.view_meeting", runs_meetings | is_administrator | is_invited | co_leads_its_project
)
rules.add_perm("meetings.change_meeting", runs_meetings | co_leads_its_project)
# The checklist is built from the passports of the people coming, which only those
# organising the meeting may read (docs/decisions/0021-need-to-know-passports.md).
rules.add_perm("meetings.view_checklist", runs_meetings & organises_it)
rules.add_perm("meetings.manage_venues", runs_meetings)
rules.add_perm("meetings.reply", is_invited)
rules.add_perm("meetings.give_feedback", was_there & has_started)
rules.add_perm("meetings.view_feedback_results", runs_meetings)
rules.add_perm("meetings.follow_up_feedback", is_lead)
rules.add_perm("meetings.view_own_calendar", is_lead | is_staff_member | is_coproducer)
