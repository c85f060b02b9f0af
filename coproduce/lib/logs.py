"""Logs that a log collector can read: one JSON object per line when
COPRODUCE_LOG_FORMAT=json, and on every line written while a request is handled the
request's id, which the response also carries in its X-Request-ID header. A person
reporting a problem can quote the id; an administrator finds every line it touched."""

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponseBase
from pythonjsonlogger.core import RESERVED_ATTRS

LOG_FORMATS = ("text", "json")
HEADER = "X-Request-ID"
# An id a proxy or load balancer gave the request: short, and nothing that could break a
# log line or a header (no spaces, quotes or line breaks).
WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{8,128}")

request_id = ContextVar("request_id", default="-")


class RequestIDMiddleware:
    """Takes a well-formed incoming X-Request-ID, else makes one, and sets it on the
    response. First in MIDDLEWARE so every other layer's log lines carry it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        incoming = request.headers.get(HEADER, "")
        the_id = incoming if WELL_FORMED.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = the_id  # type: ignore[attr-defined]
        # Not reset after the response: Django logs a 4xx response after the middleware
        # has returned, and the next request on this thread sets its own id anyway.
        request_id.set(the_id)
        response = self.get_response(request)
        response[HEADER] = the_id
        return response


class RequestIDFilter:
    """Puts the current request's id (or "-" outside a request) on each log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def logging_settings(log_format: str, level: str) -> dict[str, object]:

    if log_format not in LOG_FORMATS:
        raise ImproperlyConfigured(f"COPRODUCE_LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}")
    formatters = {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            # Django adds the request object to some records; its path is in the message.
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        },
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIDFilter}},
        "formatters": {log_format: formatters[log_format]},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }
