import rules

from coproduce.accounts.rules import is_administrator, is_coproducer, is_lead, is_staff_member

from .models import Opportunity

runs_opportunities = is_lead | is_staff_member | is_administrator


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
rules.add_perm("opportunities.apply", is_coproducer & is_open)
rules.add_perm("opportunities.view_own_applications", is_coproducer)
