"""How long each kind of record is kept, and deleting what has passed its time.

Apps list a rule for the records they own (RETENTION in holdings.py) and register it
from registrations.py. The periods are data an administrator can change on the
retention page; the defaults here are where a new organisation starts. `apply_retention` (a management command, run
daily by cron or a scheduler) deletes what is due, history copies included, and
keeps a dated record of how many of each kind went."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Rule:
    key: str  # "site.contact_messages": stable, stored with the period
    records: str  # plural, plain English: "messages sent through the contact form"
    counted_from: str  # "when they were received"
    default_months: int
    # callable(cutoff: datetime) -> queryset of the records kept past their time
    due: object
    # lookups from a record to files stored with it ("files__file"): deleted too
    files: tuple = ()
    # callable(records): removes what protects the records from deletion first
    before_delete: object = None


_RULES: dict[str, Rule] = {}


def register(*rules):
    for rule in rules:
        _RULES[rule.key] = rule


def rules():
    return sorted(_RULES.values(), key=lambda rule: rule.key)


def periods():
    """{rule key: months}, the administrator's choice or the default."""
    from .models import RetentionPeriod

    chosen = dict(RetentionPeriod.objects.values_list("key", "months"))
    return {rule.key: chosen.get(rule.key, rule.default_months) for rule in rules()}


@dataclass(frozen=True)
class Kept:
    rule: Rule
    months: int

    @property
    def duration(self):
        if self.months % 12 == 0:
            years = self.months // 12
            return ngettext("%(years)s year", "%(years)s years", years) % {"years": years}
        return ngettext("%(months)s month", "%(months)s months", self.months) % {
            "months": self.months
        }


def schedule():
    """[Kept] in a stable order, for the privacy notice and the settings page."""
    months = periods()
    return [Kept(rule, months[rule.key]) for rule in rules()]


def cutoff(months, now=None):
    # A month is counted as 30 days so the cut-off is the same on every day of the year.
    return (now or timezone.now()) - timedelta(days=30 * months)


def due_counts(now=None):
    months = periods()
    return {rule.key: rule.due(cutoff(months[rule.key], now)).count() for rule in rules()}


def _file_field(model, lookup):
    *relations, name = lookup.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


def _delete(rule, queryset):
    """Delete the records, the copies django-simple-history kept of them (so
    nothing personal outlives its period in an audit table) and their files
    (once the deletion is committed)."""
    model = queryset.model
    ids = list(queryset.values_list("pk", flat=True))
    if not ids:
        return 0
    records = model._default_manager.filter(pk__in=ids)
    for lookup in rule.files:
        storage = _file_field(model, lookup).storage
        names = [name for name in records.values_list(lookup, flat=True) if name]
        transaction.on_commit(lambda storage=storage, names=names: _remove(storage, names))
    if rule.before_delete:
        rule.before_delete(records)
    records.delete()
    # After the records: deleting them adds a "deleted" copy to the history too.
    history = getattr(model, "history", None)
    if history is not None:
        history.filter(**{f"{model._meta.pk.attname}__in": ids}).delete()
    return len(ids)


def _remove(storage, names):
    for name in names:
        storage.delete(name)


def apply(ran_by=None, now=None):
    """Delete everything past its period. Returns the RetentionRun it recorded."""
    from .models import RetentionRun

    months = periods()
    with transaction.atomic():
        deleted = {
            rule.key: _delete(rule, rule.due(cutoff(months[rule.key], now))) for rule in rules()
        }
        return RetentionRun.objects.create(ran_by=ran_by, deleted=deleted)
