"""Who may do what with payments. Nobody approves a claim they made or entered;
only finance sees bank details; the board sees figures only (on the dashboard)."""

import rules

from coproduce.accounts.rules import (
    is_administrator,
    is_coproducer,
    is_finance,
    is_lead,
    is_signed_in,
    is_staff_member,
)
from coproduce.projects.rules import can_manage as can_manage_project

from .models import Status

sets_policy = is_lead | is_administrator
approves = is_lead | is_administrator
enters_for_others = is_lead | is_staff_member | is_administrator
oversees = is_lead | is_administrator | is_finance


@rules.predicate
def is_claimant(user, claim):
    return claim is not None and claim.claimant_id == user.pk


@rules.predicate
def entered_it(user, claim):
    """Entered it for themselves, or as staff for someone. A supporter who drafted a claim
    for the person who let them has no lasting hold on it: their powers end the moment the
    person withdraws them, and the person checks and sends the claim."""
    return (
        claim is not None
        and claim.entered_by_id == user.pk
        and (claim.claimant_id == user.pk or enters_for_others(user))
    )


@rules.predicate
def is_waiting(user, claim):
    return claim is not None and claim.status == Status.SUBMITTED


@rules.predicate
def can_change(user, claim):
    return claim is not None and claim.can_change


rules.add_perm("payments.view_policy", is_signed_in)
rules.add_perm("payments.manage_policy", sets_policy)
rules.add_perm("payments.make_claim", is_coproducer | enters_for_others)
rules.add_perm("payments.claim_on_behalf", enters_for_others)
rules.add_perm("payments.view_own_claims", is_coproducer | enters_for_others)
rules.add_perm("payments.view_claim", is_claimant | entered_it | oversees)
rules.add_perm("payments.change_claim", (is_claimant | entered_it) & can_change)
rules.add_perm("payments.decide_claim", approves & ~is_claimant & ~entered_it)
rules.add_perm("payments.approve_claim", approves & ~is_claimant & ~entered_it & is_waiting)
rules.add_perm("payments.view_claims", oversees)
rules.add_perm("payments.pay", is_finance)
rules.add_perm("payments.view_bank_details", is_finance)
rules.add_perm("payments.give_bank_details", is_coproducer)
rules.add_perm("payments.view_own_recognition", is_coproducer)
# A project's budget is for those who run that project, and for finance.
rules.add_perm("payments.view_budget", oversees | can_manage_project)
rules.add_perm("payments.manage_budget", sets_policy | can_manage_project)


@rules.predicate
def is_the_person(user, person):
    return person is not None and person.pk == user.pk


# Safe payments for people on benefits (decision 0042). A yearly statement is for its
# person and finance only; the limits, and anyone's wish to be warned, for finance and
# the lead only: not administrators or staff, who would learn about someone's benefits.
knows_limits = is_finance | is_lead
rules.add_perm("payments.view_statement", is_the_person | is_finance)
rules.add_perm("payments.manage_limits", knows_limits)
rules.add_perm("payments.see_limit_warnings", knows_limits)
rules.add_perm("payments.set_own_protection", is_coproducer)
rules.add_perm("payments.choose_at_limit", is_claimant & can_change)


# Advances: asked for by a co-producer, decided like a claim (never by the person),
# paid by finance, squared with the receipt by the person.
@rules.predicate
def is_advance_person(user, advance):
    return advance is not None and advance.person_id == user.pk


@rules.predicate
def is_paid_advance(user, advance):
    return advance is not None and advance.status == "paid"


rules.add_perm("payments.request_advance", is_coproducer)
rules.add_perm("payments.view_advance", is_advance_person | oversees)
rules.add_perm("payments.view_advances", oversees)
rules.add_perm("payments.decide_advance", approves & ~is_advance_person)
rules.add_perm("payments.pay_advance", is_finance & ~is_advance_person)
rules.add_perm("payments.reconcile_advance", is_advance_person & is_paid_advance)
