"""Who may do what in peer support. Pairings are private to the pair and the
co-production lead; a peer group's pages are for its members only, and staff are
members only when a member invites them."""

import rules

from coproduce.accounts.rules import is_coproducer, is_lead, is_organisation_staff


@rules.predicate
def in_pairing(user, pairing):
    return pairing is not None and user.is_authenticated and pairing.includes(user)


@rules.predicate
def in_group(user, group):
    if group is None or not user.is_authenticated:
        return False
    return group.members.filter(person=user).exists()


@rules.predicate
def full_member(user, group):
    """A co-producer member, who may add members and invite staff (a staff guest may not)."""
    if group is None or not user.is_authenticated:
        return False
    return group.members.filter(person=user, is_staff_guest=False).exists()


rules.add_perm("peers.view_home", is_coproducer | is_lead)
rules.add_perm("peers.take_part", is_coproducer)
rules.add_perm("peers.pair", is_lead)
rules.add_perm("peers.view_pairing", in_pairing | is_lead)
rules.add_perm("peers.view_groups", is_coproducer | is_organisation_staff)
rules.add_perm("peers.start_group", is_coproducer)
rules.add_perm("peers.view_group", in_group)
rules.add_perm("peers.manage_group", full_member & is_coproducer)
