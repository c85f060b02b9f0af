"""Where the strategy holds a person's data, for download and erasure (see
privacy.registry). Commitments are the organisation's, not the person's: erasing an
owner keeps the commitment, pointing at the anonymised account, for the lead to give to
someone else; a co-author's row goes."""

from coproduce.privacy.registry import Holding

HOLDINGS = (
    Holding(
        "strategy.Commitment",
        "owner",
        "Strategy commitments you own",
        ("text", "due_on", "created_at"),
        about_them=False,
    ),
    Holding(
        "strategy.Commitment",
        "written_by",
        "Strategy commitments you wrote",
        ("text", "created_at"),
        about_them=False,
    ),
    Holding(
        "strategy.HistoricalCommitment",
        "owner",
        "Earlier versions of strategy commitments you owned",
        ("history_date", "text", "due_on"),
        about_them=False,
    ),
    Holding(
        "strategy.HistoricalCommitment",
        "written_by",
        "Earlier versions of strategy commitments you wrote",
        ("history_date", "text"),
        about_them=False,
    ),
    Holding(
        "strategy.HistoricalCommitment",
        "history_user",
        "Changes you made to strategy commitments",
        ("history_date", "history_type", "text"),
        about_them=False,
    ),
    Holding(
        "strategy.CoAuthor",
        "person",
        "Strategy commitments you write with the lead",
        ("commitment__text", "added_at"),
        erase="delete",
    ),
)
