import rules

from coproduce.accounts.rules import (
    is_administrator,
    is_coproducer,
    is_lead,
    is_organisation_staff,
)


@rules.predicate
def round_is_open(user, round_):
    return round_ is None or round_.is_open


@rules.predicate
def owns_action(user, action):
    return action is not None and action.owner_id == user.pk


rules.add_perm("assessment.view_rounds", is_organisation_staff | is_coproducer)
rules.add_perm("assessment.run_rounds", is_lead)
# Results show people's comments: for the lead (and administrators), not the board,
# who see the scores as aggregates on the dashboard.
rules.add_perm("assessment.view_results", is_lead | is_administrator)
rules.add_perm("assessment.answer_as_staff", is_organisation_staff & round_is_open)
rules.add_perm("assessment.answer_as_coproducer", is_coproducer & round_is_open)
rules.add_perm("assessment.view_actions", is_organisation_staff)
rules.add_perm("assessment.manage_actions", is_lead)
rules.add_perm("assessment.update_action", is_lead | owns_action)
