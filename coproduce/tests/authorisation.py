"""The authorisation table's vocabulary. Each app lists its URL names in
`<app>/tests/authorisation.py` as ROWS = {url_name: Row(...)}; the table test
gathers them and fails for any URL name that has no row.

Where the answer depends on the record as well as the role (an access passport
is read only by staff who work with that person), the app adds further rows for
the same URL name in CASES = {url_name: [Row(..., notes="what differs"), ...]}."""

from dataclasses import dataclass, field

ROLES = ("anonymous", "administrator", "lead", "staff", "finance", "board", "coproducer")
SIGNED_IN = ROLES[1:]

OK = 200
LOGIN = "login"  # a visitor is sent to sign in
DENIED = 403
REDIRECT = 302  # sent somewhere else that is not the sign-in page
GONE = 410
NOT_FOUND = 404
POST_ONLY = 405


@dataclass
class Row:
    expect: dict
    # fixtures -> URL kwargs; fixtures holds `people` and anything an app's
    # `sample_objects(people)` returns.
    kwargs: object = None
    # The crawl visits these pages; actions that only take POST are left out.
    crawl: bool = True
    notes: str = field(default="", compare=False)


def everyone(status=OK, **row):
    return Row({role: status for role in ROLES}, **row)


def signed_in(status=OK, **row):
    return Row({"anonymous": LOGIN, **{role: status for role in SIGNED_IN}}, **row)


def only(*roles, status=OK, **row):
    expect = {"anonymous": LOGIN}
    for role in SIGNED_IN:
        expect[role] = status if role in roles else DENIED
    return Row(expect, **row)


def visitors_only(signed_in_status=REDIRECT, **row):
    return Row({"anonymous": OK, **{role: signed_in_status for role in SIGNED_IN}}, **row)


def custom(anonymous, signed_in_status, **row):
    return Row({"anonymous": anonymous, **{role: signed_in_status for role in SIGNED_IN}}, **row)


def is_private(response):
    """Every response to a signed-in person says so (see lib.middleware)."""
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives
