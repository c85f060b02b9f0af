"""What insights puts on a board member's Today (lib.today): the board report for
the last 3 months, read on the dashboard. No query."""

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from coproduce.accounts.models import Role
from coproduce.lib.today import INFORMATION, Item

from .periods import period_words, preset_period


def board_report(user, now):
    if not user.has_role(Role.BOARD):
        return

    period = preset_period("3m", timezone.localdate(now))
    yield Item(
        key="insights.board_report",
        sentence=f"The board report for the last 3 months ({period_words(period)}) is ready to read.",
        action_label="Read the report",
        action_url=f"{reverse('insights:dashboard')}?{urlencode({'period': '3m'})}",
        urgency=INFORMATION,
    )
