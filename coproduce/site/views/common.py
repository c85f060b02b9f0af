"""What the site's pages share."""

from django.utils.translation import gettext_lazy as _

from ..models import PageKey

PAGE_SIZE = 10


EDITABLE_PAGES = {
    PageKey.GET_INVOLVED: ("site:get_involved", "site:get_involved_easy_read"),
    PageKey.PAYMENT_POLICY: ("site:payment_policy", "site:payment_policy_easy_read"),
    PageKey.PRIVACY: ("site:privacy", "site:privacy_easy_read"),
    PageKey.HOME: ("site:home", "site:home_easy_read"),
}


LIMITED = _(
    "You have sent several forms from this connection in the last hour. "
    "Please wait an hour and try again, or email us instead."
)
