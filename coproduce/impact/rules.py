"""Who may record, read and publish what changed. Staff and the co-production lead record
and publish; a project's lead (who may be a co-producer) records the changes their project
made; a person named in an entry reads it and decides, alone, whether their name is shown.
The public impact page needs no rule: it shows only published entries."""

import rules

from coproduce.accounts.rules import (
    is_administrator,
    is_lead,
    is_organisation_staff,
    is_staff_member,
)
from coproduce.projects.models import Project


def _led_projects(user):
    """Whether `user` leads any project: asked once per request's user object."""
    if not user.is_authenticated:
        return False
    if "_leads_a_project" not in user.__dict__:
        user.__dict__["_leads_a_project"] = Project.objects.filter(lead=user).exists()
    return user.__dict__["_leads_a_project"]


@rules.predicate
def leads_a_project(user):
    return _led_projects(user)


@rules.predicate
def leads_its_project(user, entry):
    return (
        entry is not None
        and user.is_authenticated
        and entry.project_id is not None
        and entry.project.lead_id == user.pk
    )


@rules.predicate
def is_named_in(user, entry):
    if entry is None or not user.is_authenticated:
        return False
    asked = entry.__dict__.setdefault("_named_ids", {})
    if user.pk not in asked:
        asked[user.pk] = entry.named.filter(person=user).exists()
    return asked[user.pk]


runs_the_log = is_lead | is_staff_member | is_administrator

rules.add_perm("impact.view_log", is_organisation_staff | leads_a_project)
# The header links, decided by role alone so no page pays a query for them: staff reach
# the log; everyone else the changes they are named in, which links a project's lead on
# to the log of their projects.
rules.add_perm("impact.see_log_link", is_organisation_staff)
rules.add_perm("impact.view_every_entry", is_organisation_staff)
rules.add_perm("impact.add_entry", runs_the_log | leads_a_project)
rules.add_perm("impact.record_for_any_project", runs_the_log)
rules.add_perm("impact.change_entry", runs_the_log | leads_its_project)
rules.add_perm("impact.view_entry", is_organisation_staff | leads_its_project | is_named_in)
# Publishing puts the change (and the names of those who agreed) in public: staff decide.
rules.add_perm("impact.publish_entry", is_lead | is_staff_member)
rules.add_perm("impact.choose_own_consent", is_named_in)
rules.add_perm("impact.view_own_mentions", rules.is_authenticated)
rules.add_perm("impact.see_mentions_link", rules.is_authenticated & ~is_organisation_staff)
