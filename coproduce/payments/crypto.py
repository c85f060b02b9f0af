"""Encryption of bank details at rest (decision 0011): the details as JSON in one
token, through the keys of `lib.encryption`, so a copy of the database alone never
reveals an account number."""

import json

from coproduce.lib import encryption


def encrypt(data):
    return encryption.encrypt(json.dumps(data).encode())


def decrypt(token):
    """The stored dict, or None when no configured key can read it (the person is
    asked to enter their details again)."""
    try:
        return json.loads(encryption.decrypt(token))
    except encryption.InvalidToken:
        return None
