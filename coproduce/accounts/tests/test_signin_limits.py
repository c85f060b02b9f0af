"""Sign-in limits tell a crowd at one address from someone guessing passwords
(decision 0032): a workshop of 100 people on one venue's network all get in, typos and
all; guessing one account's password, or trying one password on many accounts, is
stopped."""

import functools
import time
import uuid
from types import SimpleNamespace
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.core.internal import ratelimit
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.test import Client, RequestFactory

from coproduce.accounts import signin_limits
from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import PASSWORD
from coproduce.lib.spam import limit_address

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
VENUE = "203.0.113.7"  # everyone at the workshop, as the server sees them
ELSEWHERE = "198.51.100.20"
REFUSED = "Too many failed"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def one_moment():
    """Every sign-in in the same second, so allauth's per-minute limits see them all at once."""
    now = time.time()
    frozen = SimpleNamespace(time=lambda: now, monotonic=time.monotonic, sleep=time.sleep)
    with mock.patch.object(ratelimit, "time", frozen):
        yield


def make_people(count, prefix="member"):
    """count people who can sign in with PASSWORD, made in three queries."""
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(email=f"{prefix}{i}@example.org", name=f"Member {i}", password=password)
        for i in range(count)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    return users


@functools.cache
def device():
    return Client()  # one client: making one per person would reload the middleware each time


def sign_in(email, password=PASSWORD, address=VENUE):
    """One person's own device: no cookies from anyone before, only the address shared."""
    client = device()
    client.cookies.clear()
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=address)


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/home/"


@pytest.mark.parametrize("mistype_every", [0, 3], ids=["all-right-first-time", "a-third-mistype"])
def test_a_workshop_of_100_people_signs_in_from_one_address_within_a_minute(
    one_moment, mistype_every
):
    people = make_people(100)
    for number, person in enumerate(people):
        if mistype_every and number % mistype_every == 0:
            typo = sign_in(person.email, password=PASSWORD + "x")
            assert typo.status_code == 200 and REFUSED not in typo.content.decode()
        response = sign_in(person.email)
        assert signed_in(response), (number, response.status_code)


def test_a_few_people_who_have_forgotten_their_password_do_not_stop_the_room(one_moment):
    people = make_people(100)
    forgetful, others = people[:10], people[10:]
    for person in forgetful:
        for attempt in range(5):
            sign_in(person.email, password=f"not-it-{attempt}")
    assert all(signed_in(sign_in(person.email)) for person in others)


def test_guessing_one_accounts_password_is_stopped_after_five_tries():
    (person,) = make_people(1)
    for attempt in range(5):
        guess = sign_in(person.email, password=f"guess-{attempt}", address=f"192.0.2.{attempt}")
        assert REFUSED not in guess.content.decode()
    # The account is locked, from any address, even with the right password.
    for address in (VENUE, ELSEWHERE):
        response = sign_in(person.email, address=address)
        assert not signed_in(response) and REFUSED in response.content.decode()


def test_a_password_spray_from_one_address_is_stopped():
    people = make_people(20)
    targets = [person.email for person in people] + [
        f"guessed{i}@example.org" for i in range(signin_limits.MOST_ACCOUNTS_FAILING - 20)
    ]
    for email in targets:
        response = sign_in(email, password="Summer2026!", address=ELSEWHERE)
        assert REFUSED not in response.content.decode()
    # Thirty accounts have failed from this address: it is stopped, right password or not.
    assert REFUSED in sign_in("one.more@example.org", "Summer2026!", ELSEWHERE).content.decode()
    assert REFUSED in sign_in(people[0].email, address=ELSEWHERE).content.decode()
    # Nobody else is: the accounts themselves are not locked, and other addresses are free.
    assert signed_in(sign_in(people[0].email, address=VENUE))


def test_signing_in_to_your_own_account_forgives_only_your_own_failures():
    own, *others = make_people(signin_limits.MOST_ACCOUNTS_FAILING - 1)
    assert not signed_in(sign_in(own.email, password="typo", address=ELSEWHERE))
    for person in others:
        sign_in(person.email, password="Summer2026!", address=ELSEWHERE)
    # 29 accounts have failed here. Getting into their own account forgives one...
    assert signed_in(sign_in(own.email, address=ELSEWHERE))
    sign_in("next.target@example.org", "Summer2026!", ELSEWHERE)
    assert not signin_limits.address_is_stopped(request_from(ELSEWHERE))
    # ...and not the spray's 28, so two more accounts make thirty and stop the address.
    sign_in("last.target@example.org", "Summer2026!", ELSEWHERE)
    assert signin_limits.address_is_stopped(request_from(ELSEWHERE))
    assert REFUSED in sign_in(own.email, address=ELSEWHERE).content.decode()


def test_many_guesses_spread_over_a_few_accounts_are_stopped():
    people = make_people(20)
    for person in people:  # five each: within each account's own limit
        for attempt in range(5):
            sign_in(person.email, password=f"guess-{attempt}", address=ELSEWHERE)
    assert signin_limits.address_is_stopped(request_from(ELSEWHERE))
    assert REFUSED in sign_in("fresh@example.org", "guess", ELSEWHERE).content.decode()


def test_failures_are_forgotten_after_an_hour():
    for i in range(signin_limits.MOST_ACCOUNTS_FAILING):
        sign_in(f"sprayed{i}@example.org", "Summer2026!", ELSEWHERE)
    assert signin_limits.address_is_stopped(request_from(ELSEWHERE))
    later = time.time() + signin_limits.WINDOW_SECONDS + 1
    with mock.patch.object(signin_limits.time, "time", return_value=later):
        assert not signin_limits.address_is_stopped(request_from(ELSEWHERE))


def test_only_hashes_are_kept():
    sign_in("private.person@example.org", "wrong", ELSEWHERE)
    stored = repr(cache.get(signin_limits._address_key(request_from(ELSEWHERE))))
    assert "private.person" not in stored and ELSEWHERE not in stored


def test_one_ipv6_network_counts_as_one_address():
    first = request_from("2001:db8:1:2::1")
    second = request_from("2001:db8:1:2:ffff::9")
    other_network = request_from("2001:db8:1:3::1")
    assert limit_address(first) == limit_address(second) == "2001:db8:1:2::"
    assert limit_address(other_network) != limit_address(first)
    assert limit_address(request_from(VENUE)) == VENUE


def test_no_per_address_ceiling_is_below_a_room_of_people():
    """allauth's own per-address limits on every sign-in (failed or not) stay far above
    a workshop of 100 people a minute; failures per address are ours, above."""
    from allauth.account import app_settings as account_settings
    from allauth.mfa import app_settings as mfa_settings

    for rates in (
        account_settings.RATE_LIMITS["login"],
        account_settings.RATE_LIMITS["login_failed"],
        mfa_settings.RATE_LIMITS["webauthn_login"],
    ):
        for rate in ratelimit.parse_rates(rates):
            if rate.per == "ip":
                assert rate.amount * 60 / rate.duration >= 300, rates


def test_a_spray_spread_over_two_app_servers_is_counted_once():
    """Each app server has its own connection to the shared Redis; the count is one."""
    redis = pytest.importorskip("redis").Redis.from_url("redis://127.0.0.1:6379/13")
    prefix = f"signin-test-{uuid.uuid4().hex[:8]}"
    servers = [RedisCache("redis://127.0.0.1:6379/13", {"KEY_PREFIX": prefix}) for _ in range(2)]
    try:
        for i in range(signin_limits.MOST_ACCOUNTS_FAILING):
            with mock.patch.object(signin_limits, "cache", servers[i % 2]):
                signin_limits.record_failure(request_from(ELSEWHERE), f"sprayed{i}@example.org")
        for server in servers:
            with mock.patch.object(signin_limits, "cache", server):
                assert signin_limits.address_is_stopped(request_from(ELSEWHERE))
    finally:
        for key in redis.scan_iter(match=f"{prefix}:*"):
            redis.delete(key)


def request_from(address):
    return RequestFactory().post(LOGIN, REMOTE_ADDR=address)
