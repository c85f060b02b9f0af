"""Failed sign-ins counted per address in a way that tells a crowd from a password
spray (decision 0032).

django-allauth limits failed sign-ins per account (ACCOUNT_RATE_LIMITS["login_failed"]).
Its count per address cannot tell forty people on one venue's network mistyping now and
then from one machine trying a password on account after account, so the address count
is kept here: a failure is forgiven once that same account signs in from that address.
A crowd's typos are followed by a good sign-in and leave nothing behind; a spray, which
rarely gets in, builds up until the address is stopped. Signing in to one's own account
forgives only that account's failures, so it is no way to reset the count for others.

The counts live in the default cache: Redis, shared by every app server, when REDIS_URL
is set. Only hashes of the address and of what was typed as the email are kept, and for
an hour at most."""

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.http import HttpRequest

from coproduce.lib.spam import limit_address

WINDOW_SECONDS = 60 * 60
# Accounts with failures not yet forgiven, and those failures, from one address within
# the window. A workshop where a few people have forgotten their password stays well
# under both; a spray reaches the first within minutes.
MOST_ACCOUNTS_FAILING = 30
MOST_FAILURES = 100

_LOCK_SECONDS = 10
_LOCK_WAIT_SECONDS = 1.0
_LOCK_RETRY_SECONDS = 0.01


def _hash(text: str, length: int) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def _address_key(request: HttpRequest) -> str:
    return f"signin-failures:{_hash(limit_address(request), 32)}"


def _account(login: str) -> str:
    return _hash(login.strip().lower(), 16)


def _recent(failures: list[tuple[float, str]], now: float) -> list[tuple[float, str]]:
    return [(at, account) for at, account in failures if at > now - WINDOW_SECONDS]


@contextmanager
def _locked(key: str) -> Iterator[bool]:
    """Read-change-write of one address's list by one request at a time, across every
    app server (the lock is a cache entry too)."""
    lock = f"{key}:lock"
    deadline = time.monotonic() + _LOCK_WAIT_SECONDS
    while not cache.add(lock, 1, _LOCK_SECONDS):
        if time.monotonic() > deadline:
            yield False
            return
        time.sleep(_LOCK_RETRY_SECONDS)
    try:
        yield True
    finally:
        cache.delete(lock)


def address_is_stopped(request: HttpRequest) -> bool:
    """True once too many accounts, or too many failures, from this address are unforgiven."""
    failures = _recent(cache.get(_address_key(request), []), time.time())
    accounts = {account for _, account in failures}
    return len(accounts) >= MOST_ACCOUNTS_FAILING or len(failures) >= MOST_FAILURES


def record_failure(request: HttpRequest, login: str) -> None:
    key = _address_key(request)
    with _locked(key) as locked:
        if not locked:  # rare; missing one failure only makes the limit a little looser
            return
        now = time.time()
        failures = _recent(cache.get(key, []), now)
        failures.append((now, _account(login)))
        cache.set(key, failures, WINDOW_SECONDS)


def forgive(request: HttpRequest, login: str) -> None:
    """Forget this account's failures from this address: it has just signed in here."""
    key = _address_key(request)
    account = _account(login)
    if not any(failed == account for _, failed in cache.get(key, [])):
        return  # the usual case: nothing to forgive, no write
    with _locked(key) as locked:
        if not locked:
            return
        now = time.time()
        failures = [
            (at, failed) for at, failed in _recent(cache.get(key, []), now) if failed != account
        ]
        cache.set(key, failures, WINDOW_SECONDS)


# Sign-in codes by text message (decision 0036): a few to one number an hour, so nobody
# can fill a stranger's phone with texts (the address is limited by lib.spam as well).
MOST_CODES_PER_NUMBER = 3


def _number_key(number: str) -> str:
    return f"signin-codes:{_hash(number, 32)}"


def number_is_stopped(number: str) -> bool:
    return int(cache.get(_number_key(number), 0)) >= MOST_CODES_PER_NUMBER


def count_code_for(number: str) -> None:
    key = _number_key(number)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, WINDOW_SECONDS)
