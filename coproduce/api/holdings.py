"""Where the API holds a person's data (privacy.registry): their tokens, never the
secrets, which are not kept; and the webhooks an administrator added."""

from coproduce.privacy.registry import Holding

TOKEN_FIELDS = (
    "name",
    "prefix",
    "scopes",
    "created_at",
    "expires_at",
    "last_used_at",
    "revoked_at",
)

HOLDINGS = (
    Holding(
        "api.ApiToken",
        "person",
        "Your API tokens",
        TOKEN_FIELDS,
        erase="delete",
        withheld={"digest": "A one-way hash of the token, which cannot be turned back into it."},
    ),
    Holding(
        "api.ApiToken",
        "created_by",
        "API tokens you made",
        ("name", "prefix", "created_at"),
        about_them=False,
    ),
    Holding(
        "api.ApiToken",
        "revoked_by",
        "API tokens you revoked",
        ("name", "prefix", "revoked_at"),
        about_them=False,
    ),
    Holding(
        "api.WebhookEndpoint",
        "created_by",
        "Webhooks you added",
        ("url", "created_at", "removed_at"),
        about_them=False,
    ),
)
