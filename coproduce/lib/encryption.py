"""Fields encrypted at rest with Fernet (decisions 0011 and 0018).

COPRODUCE_FIELD_KEY holds one key, or several separated by commas with the newest first:
values are written with the first and read with any of them, so a key can be replaced
without losing what the old one wrote (`manage.py rotate_field_key`). Without it the key
is derived from SECRET_KEY, and losing SECRET_KEY then loses every encrypted value."""

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Field, Model

__all__ = ["InvalidToken"]


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A column that holds a token made by `encrypt`; `rotate_field_key` and `restore`
    find every such column in every app through this class."""


def configured_keys() -> list[str]:
    """The keys in COPRODUCE_FIELD_KEY, newest first; empty when it is not set."""
    return [key.strip() for key in settings.COPRODUCE_FIELD_KEY.split(",") if key.strip()]


def derived_from_secret_key() -> bool:
    return not configured_keys()


def _fernet(secret: str) -> Fernet:
    # A fixed label keeps this key apart from anything else derived from the same secret.
    digest = hashlib.sha256(b"coproduce-field-key:" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _keys() -> list[Fernet]:
    return [_fernet(secret) for secret in configured_keys() or [settings.SECRET_KEY]]


def encrypt(data: bytes) -> str:
    """A token for `data`, written with the newest key."""
    return _keys()[0].encrypt(data).decode()


def decrypt(token: str) -> bytes:
    """The bytes `token` was made from, read with whichever key wrote it.
    Raises InvalidToken when none of the keys did: never returns garbage."""
    return MultiFernet(_keys()).decrypt(token.encode())


def written_with_newest_key(token: str) -> bool:
    try:
        _keys()[0].decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str:
    """`token` written again with the newest key. Raises InvalidToken like `decrypt`."""
    return MultiFernet(_keys()).rotate(token.encode()).decode()


def new_key() -> str:
    """A random key for COPRODUCE_FIELD_KEY: 256 bits, URL-safe, never with a comma."""
    return secrets.token_urlsafe(32)


def encrypted_fields() -> list[tuple[type[Model], Field[object, object]]]:
    """(model, field) for every EncryptedTextField of every installed model."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
