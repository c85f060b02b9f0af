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


@rules.predicate
def co_owns_action(user, action):
    """Reads the action's co-owners once (views prefetch them), so asking again and
    again on one page costs nothing more."""
    return action is not None and any(c.person_id == user.pk for c in action.co_owners.all())


@rules.predicate
def action_not_done(user, action):
    return action is None or action.status != action.Status.DONE


rules.add_perm("assessment.view_rounds", is_organisation_staff | is_coproducer)
rules.add_perm("assessment.run_rounds", is_lead)
# Results are aggregates with the same small-number suppression for everyone who sees
# them: co-producers see the scores they gave, beside staff's. The comments people wrote
# may say who wrote them, so they stay with the lead (and administrators); the board
# sees the scores as aggregates on the dashboard.
rules.add_perm("assessment.view_results", is_lead | is_administrator | is_coproducer)
rules.add_perm("assessment.view_result_comments", is_lead | is_administrator)
rules.add_perm("assessment.answer_as_staff", is_organisation_staff & round_is_open)
rules.add_perm("assessment.answer_as_coproducer", is_coproducer & round_is_open)
rules.add_perm("assessment.view_actions", is_organisation_staff | is_coproducer)
rules.add_perm("assessment.manage_actions", is_lead)
rules.add_perm("assessment.update_action", is_lead | owns_action | co_owns_action)
# Any co-producer may volunteer to co-own an action not done yet; the lead and the
# action's owner may add a co-producer or remove one; a co-owner may step down.
rules.add_perm("assessment.co_own_action", is_coproducer & action_not_done)
rules.add_perm("assessment.add_co_owner", (is_lead | owns_action) & action_not_done)
rules.add_perm("assessment.remove_co_owner", is_lead | owns_action | co_owns_action)
rules.add_perm("assessment.comment_on_action", is_organisation_staff | is_coproducer)
