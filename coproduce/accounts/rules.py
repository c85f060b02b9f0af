"""Who may do what with accounts. Other apps build on these role predicates."""

import rules

from .models import Role


def role_predicate(*roles):
    name = "has_role_" + "_or_".join(roles)

    @rules.predicate(name=name)
    def predicate(user):
        return user.is_authenticated and user.has_role(*roles)

    return predicate


is_signed_in = rules.is_authenticated
is_administrator = role_predicate(Role.ADMINISTRATOR)
is_lead = role_predicate(Role.LEAD)
is_staff_member = role_predicate(Role.STAFF)
is_finance = role_predicate(Role.FINANCE)
is_board = role_predicate(Role.BOARD)
is_coproducer = role_predicate(Role.COPRODUCER)
# Anyone who works for the organisation (not board, who only read reports).
is_organisation_staff = role_predicate(Role.ADMINISTRATOR, Role.LEAD, Role.STAFF, Role.FINANCE)

rules.add_perm("accounts.view_home", is_signed_in)
rules.add_perm("accounts.manage_accounts", is_administrator)
