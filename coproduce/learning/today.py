"""What learning puts on each person's Today (lib.today): modules required for one
of their roles that they have not finished, by their complete-by date.

One query, however many modules and completions there are."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext

from coproduce.lib.today import NORMAL, Item, urgency_for

from .models import Completion, Module

SHOWN = 10


def modules_due(user, now):
    if not user.role_set:
        return
    done = Completion.objects.filter(module=OuterRef("pk"), person=user)
    modules = (
        Module.objects.filter(active=True)
        .exclude(required_for=[])
        .exclude(Exists(done))
        .order_by("complete_by", "title", "pk")
    )
    shown = 0
    for module in modules:
        if not module.is_required_for(user):
            continue
        yield Item(
            key=f"learning.module:{module.pk}",
            sentence=gettext(
                "Take the module “%(title)s”: it is for everyone in your role "
                "and takes about %(minutes)s minutes."
            )
            % {"title": module.title, "minutes": module.minutes},
            action_label=gettext("Start the module"),
            action_url=module.get_absolute_url(),
            due=module.complete_by,
            urgency=urgency_for(module.complete_by, now) if module.complete_by else NORMAL,
        )
        shown += 1
        if shown == SHOWN:
            return
