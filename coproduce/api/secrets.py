"""Token secrets: made at random, shown once, stored only as a keyed hash.

A token reads `cp_<prefix>_<secret>`. The prefix finds the row through its unique index;
the whole token, hashed with HMAC-SHA256 under a key derived from SECRET_KEY, must match
the stored digest (compared in constant time). A fast keyed hash is enough: the secret is
32 random bytes, so there is nothing to guess, and each request pays one hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

PREFIX_LENGTH = 8
MARK = "cp"


def _key() -> bytes:
    return hashlib.sha256(b"coproduce.api.tokens:" + settings.SECRET_KEY.encode()).digest()


def digest(token: str) -> str:
    return hmac.new(_key(), token.encode(), hashlib.sha256).hexdigest()


def new_token() -> tuple[str, str]:
    """(token, prefix): the token to show once, and the prefix to store beside its digest."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    return f"{MARK}_{prefix}_{secrets.token_urlsafe(32)}", prefix


def prefix_of(token: str) -> str | None:
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != MARK or len(parts[1]) != PREFIX_LENGTH:
        return None
    return parts[1]


def matches(token: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest(token), stored_digest)
