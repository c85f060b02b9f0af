"""What insights puts on a board member's Today (lib.today): the board report for
the last 3 months, read on the dashboard (no query), and the figures that moved since
they last looked at the dashboard (three queries: their visit, then two for the
snapshots; decision 0030)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext

from coproduce.accounts.models import Role
from coproduce.lib.today import INFORMATION, Item

from .models import DashboardVisit
from .periods import period_words, preset_period
from .snapshots import moved_since, value_words

MOST_MOVES = 10


def board_report(user, now):
    if not user.has_role(Role.BOARD):
        return

    period = preset_period("3m", timezone.localdate(now))
    yield Item(
        key="insights.board_report",
        sentence=gettext("The board report for the last 3 months (%(period)s) is ready to read.")
        % {"period": period_words(period)},
        action_label=gettext("Read the report"),
        action_url=f"{reverse('insights:dashboard')}?{urlencode({'period': '3m'})}",
        urgency=INFORMATION,
    )


def figures_moved(user, now):
    """Figures whose headline went up or down since the board member last looked at the
    dashboard. Once they have looked today, since the visit before today, so the list
    stays put while they follow its links."""
    if not user.has_role(Role.BOARD):
        return
    visit = DashboardVisit.objects.filter(user=user).first()
    if visit is None:
        return
    today = timezone.localdate(now)
    seen_on = visit.last_seen_on if visit.last_seen_on < today else visit.previous_seen_on
    if seen_on is None:
        return
    dashboard = reverse("insights:dashboard")
    for then, latest in moved_since(seen_on)[:MOST_MOVES]:
        went_up = latest.value > then.value
        sentence = (
            gettext("%(figure)s went up from %(then)s to %(now)s since you last looked on %(day)s.")
            if went_up
            else gettext(
                "%(figure)s went down from %(then)s to %(now)s since you last looked on %(day)s."
            )
        )
        yield Item(
            key=f"insights.moved:{latest.key}",
            sentence=sentence
            % {
                "figure": latest.title,
                "then": value_words(then.value, then.unit),
                "now": value_words(latest.value, latest.unit),
                "day": date_format(seen_on, "j F"),
            },
            action_label=gettext("See the figure"),
            action_url=f"{dashboard}#figure-{slugify(latest.key)}",
            urgency=INFORMATION,
        )
