"""Who may make and revoke API tokens. Anyone signed in makes personal tokens for
themselves; administrators make the organisation's. The documentation page is public."""

import rules

from coproduce.accounts.rules import is_administrator


@rules.predicate
def owns_it(user, token):
    return token is not None and user.is_authenticated and token.person_id == user.pk


@rules.predicate
def is_organisation_token(user, token):
    return token is not None and token.person_id is None


rules.add_perm("api.manage_own_tokens", rules.is_authenticated)
rules.add_perm("api.manage_organisation_tokens", is_administrator)
rules.add_perm("api.revoke_token", owns_it | (is_organisation_token & is_administrator))
rules.add_perm("api.manage_webhooks", is_administrator)
