"""Error reports to Sentry, or a service that speaks its protocol, when SENTRY_DSN is set
(the `sentry` extra installs the SDK). Off by default.

Coproduce holds special category data (access needs, health, ethnicity), so a report says
what broke and where, never whose data it was. It keeps the exception's type, the stack's
file names, lines and code, the method and path of the request, and the request id. It
drops the request body, cookies, headers and query string, the signed-in user, local
variables, breadcrumbs (they repeat log lines and SQL), and the text of exceptions and log
messages, which a careless `raise ValueError(f"... {value}")` or a database error
("Key (email)=(...) already exists") can fill with a person's data."""

from typing import Any

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from coproduce.lib.logs import request_id

REQUEST_KEYS_KEPT = ("method", "url")


def scrub(event: Any, hint: object) -> Any:
    """before_send: keep only what locates the fault."""
    if "request" in event:
        request = event["request"]
        event["request"] = {key: request[key] for key in REQUEST_KEYS_KEPT if key in request}
        if "url" in event["request"]:
            event["request"]["url"] = event["request"]["url"].split("?")[0]
    for key in ("user", "breadcrumbs", "extra", "message"):
        event.pop(key, None)
    for exception in event.get("exception", {}).get("values", []):
        exception.pop("value", None)
        for frame in exception.get("stacktrace", {}).get("frames", []):
            frame.pop("vars", None)
    if "logentry" in event:
        # The format string ("Internal Server Error: %s") is code; its arguments are data.
        event["logentry"] = {"message": event["logentry"].get("message", "")}
    event.setdefault("tags", {})["request_id"] = request_id.get()
    return event


def start_error_reports(dsn: str) -> None:
    """Called from settings when SENTRY_DSN is set. SENTRY_ENVIRONMENT and SENTRY_RELEASE
    are read by the SDK itself."""
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        before_send=scrub,
        # Errors only: no performance tracing, so no timings of people's pages leave.
        traces_sample_rate=None,
    )
