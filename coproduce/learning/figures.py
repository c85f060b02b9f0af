"""Learning's figure for the dashboard: the share of people trained, per module.
Counts of people pass through the one suppression function."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from coproduce.lib.figures import Figure, Period, Row
from coproduce.lib.suppression import floor, suppress

from .models import Module
from .progress import progress_counts

if TYPE_CHECKING:
    from coproduce.accounts.models import User


def staff_trained(period: Period, viewer: User | None) -> Figure:
    """Of the people each active module requires, the share who had completed
    it by the end of the period."""
    rows: list[Row] = []
    trained_all, required_all = 0, 0
    modules = list(Module.objects.filter(active=True).exclude(required_for=[]))
    counts = progress_counts(modules, on=period.end)
    for module in modules:
        required, trained = counts[module.pk].required, counts[module.pk].trained
        shown, _ = suppress({"trained": trained, "not_trained": required - trained})
        share = round(100 * trained / required) if required and None not in shown.values() else None
        rows.append(
            Row(
                label=module.title,
                value=share,
                url=reverse("learning:module_progress", args=[module.pk]),
            )
        )
        trained_all += trained
        required_all += required
    shown, _ = suppress({"trained": trained_all, "not_trained": required_all - trained_all})
    if not rows:
        summary, value = gettext("No module is required of anyone yet."), None
    elif None in shown.values() or not required_all:
        summary, value = (
            gettext("Too few people to show the share trained (fewer than %(floor)s).")
            % {"floor": floor()},
            None,
        )
    else:
        value = round(100 * trained_all / required_all)
        summary = ngettext(
            "Across %(modules)s required module, %(value)s%% of the training people must take "
            "was done by the end of the period.",
            "Across %(modules)s required modules, %(value)s%% of the training people must take "
            "was done by the end of the period.",
            len(rows),
        ) % {"modules": len(rows), "value": value}
    return Figure(
        title=gettext("Staff trained in co-production"),
        summary=summary,
        value=value,
        unit="%",
        rows=tuple(rows),
        columns=(gettext("Module"), gettext("Share trained (%)")),
        url=reverse("learning:module_list"),
        url_permission="learning.view_progress",
        notes=(
            gettext(
                "A share is not shown when fewer than %(floor)s people have, or have not, done it."
            )
            % {"floor": floor()},
        ),
        maximum=100,
    )
