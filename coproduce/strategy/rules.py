"""Who may read and write the strategy. The lead and administrators manage it; the
co-producers the lead names as a commitment's co-authors change that commitment with
them; everyone signed in (the board included) reads it. The public page needs no rule:
it shows only commitments marked public."""

import rules

from coproduce.accounts.rules import is_administrator, is_lead


@rules.predicate
def is_co_author(user, commitment):
    """Reads the commitment's co-authors, prefetched on the strategy page."""
    if commitment is None or not user.is_authenticated:
        return False
    return any(c.person_id == user.pk for c in commitment.co_authors.all())


manages = is_lead | is_administrator

rules.add_perm("strategy.view_strategy", rules.is_authenticated)
rules.add_perm("strategy.manage_strategy", manages)
rules.add_perm("strategy.change_commitment", manages | is_co_author)
