"""Encryption of bank details at rest (decision 0011).

The key comes from COPRODUCE_FIELD_KEY when set, otherwise it is derived from
SECRET_KEY, so a copy of the database alone never reveals an account number."""

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet():
    secret = settings.COPRODUCE_FIELD_KEY or settings.SECRET_KEY
    digest = hashlib.sha256(b"coproduce-field-key:" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(data):
    return _fernet().encrypt(json.dumps(data).encode()).decode()


def decrypt(token):
    """The stored dict, or None when the key has changed and it cannot be read."""
    try:
        return json.loads(_fernet().decrypt(token.encode()))
    except InvalidToken:
        return None
