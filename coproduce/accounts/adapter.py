from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only (see accounts.actions.invite_person)."""

    def is_open_for_signup(self, request):
        return False
