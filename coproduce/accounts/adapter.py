from allauth.account.adapter import DefaultAccountAdapter

from coproduce.lib.views import local_path


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by invitation only (see accounts.actions.invite_person)."""

    def is_open_for_signup(self, request):
        return False

    def is_safe_url(self, url):
        """Sign-in's `next` goes through the same check as every other return address."""
        return local_path(url) is not None
