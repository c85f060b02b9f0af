import rules

from coproduce.accounts.rules import is_administrator, is_coproducer, is_lead, is_staff_member
from coproduce.projects.rules import leads_project

from .models import Opportunity

runs_opportunities = is_lead | is_staff_member | is_administrator


@rules.predicate
def co_leads_its_project(user, opportunity):
    """A co-producer who co-leads the opportunity's project today chooses people for it,
    as its staff lead does (the applicants page logs what they are shown)."""
    return (
        opportunity is not None
        and opportunity.project is not None
        and leads_project(user, opportunity.project)
    )


@rules.predicate
def is_published(user, opportunity):
    return opportunity is not None and opportunity.status != Opportunity.Status.DRAFT


@rules.predicate
def is_open(user, opportunity):
    return opportunity is not None and opportunity.is_open


rules.add_perm("opportunities.view_opportunity_list", runs_opportunities | is_coproducer)
rules.add_perm(
    "opportunities.view_opportunity", runs_opportunities | (is_coproducer & is_published)
)
rules.add_perm("opportunities.manage_opportunities", runs_opportunities)
selects_people = runs_opportunities | (is_coproducer & co_leads_its_project)


@rules.predicate
def selects_for_it(user, application):
    return application is not None and selects_people(user, application.opportunity)


@rules.predicate
def applied_themselves(user, application):
    return application is not None and application.person_id == user.pk


rules.add_perm("opportunities.select_people", selects_people)
# Nobody decides about their own interest (a co-lead may have applied too).
rules.add_perm("opportunities.decide", selects_for_it & ~applied_themselves)
rules.add_perm("opportunities.apply", is_coproducer & is_open)
rules.add_perm("opportunities.view_own_applications", is_coproducer)
