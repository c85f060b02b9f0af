"""Where the impact log holds a person's data, for download and erasure (see
privacy.registry), and how long entries are kept. Someone erased is taken off every
entry, so their name can never be shown; the change itself stays on record."""

from coproduce.privacy import retention
from coproduce.privacy.registry import Holding

from .models import ImpactEntry

HOLDINGS = (
    Holding(
        "impact.ImpactPerson",
        "person",
        "Changes you took part in (the impact log)",
        (
            "entry__title",
            "entry__changed_on",
            "entry__what_changed",
            "consent_to_be_named",
            "consent_changed_at",
        ),
        erase="delete",
    ),
    Holding(
        "impact.HistoricalImpactPerson",
        "person",
        "Earlier records of the changes you took part in",
        (
            "history_date",
            "history_type",
            "history_change_reason",
            "entry_id",
            "consent_to_be_named",
            "consent_changed_at",
        ),
        erase="delete",
    ),
    Holding(
        "impact.ImpactEntry",
        "recorded_by",
        "Changes you recorded in the impact log",
        ("title", "changed_on", "created_at"),
        about_them=False,
    ),
    Holding(
        "impact.HistoricalImpactEntry",
        "recorded_by",
        "Earlier versions of changes you recorded in the impact log",
        ("history_date", "title"),
        about_them=False,
    ),
    Holding(
        "impact.HistoricalImpactEntry",
        "history_user",
        "Impact log changes you made",
        ("history_date", "title"),
        about_them=False,
    ),
    Holding(
        "impact.HistoricalImpactPerson",
        "history_user",
        "Choices about names in the impact log you made or recorded",
        ("history_date", "entry_id", "consent_to_be_named"),
        about_them=False,
    ),
)

RETENTION = (
    retention.Rule(
        "impact.entries",
        "entries in the impact log, with their evidence files",
        "the date the change happened",
        84,
        lambda cutoff: ImpactEntry.objects.filter(changed_on__lt=cutoff.date()),
        files=("evidence_file",),
    ),
)
