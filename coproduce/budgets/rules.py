"""Who may see the involvement budget and cost work. The lead and finance (and the
administrator, as for payments) see the whole budget and export it; a project's leads
may cost their own projects; nobody else sees any of it."""

import rules

from coproduce.accounts.rules import is_administrator, is_finance, is_lead
from coproduce.projects.rules import can_manage as can_manage_project
from coproduce.projects.team import co_leads_a_project, projects_run_by

oversees = is_lead | is_administrator | is_finance


@rules.predicate
def runs_a_project(user):
    """Leads or runs a project today (as its staff lead or staff member, or a co-lead)."""
    return user.is_authenticated and (projects_run_by(user).exists() or co_leads_a_project(user))


@rules.predicate
def runs_its_project(user, estimate):
    return (
        estimate is not None
        and estimate.project is not None
        and can_manage_project(user, estimate.project)
    )


@rules.predicate
def not_adopted(user, estimate):
    return estimate is not None and estimate.adopted_at is None


rules.add_perm("budgets.view_budget", oversees)
rules.add_perm("budgets.plan_budget", oversees)
rules.add_perm("budgets.make_estimate", oversees | runs_a_project)
rules.add_perm("budgets.view_estimate", oversees | runs_its_project)
rules.add_perm("budgets.change_estimate", (oversees | runs_its_project) & not_adopted)
# Becoming a project's budget is changing that budget (payments.manage_budget), checked
# again against the project chosen.
rules.add_perm(
    "budgets.adopt_estimate", (is_lead | is_administrator | runs_its_project) & not_adopted
)
