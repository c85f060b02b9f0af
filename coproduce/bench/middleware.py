"""Only in bench mode (COPRODUCE_BENCH=1): each response says how many database
queries it made and how long the server took, so the load test can report both per page."""

import re
import time

from django.db import connections

from coproduce.lib import changes

# Writes that keep a signed-in session or an API token going, made at most once in a
# while whatever page is open: saving a session again (at most every 5 minutes,
# lib.middleware.RenewSessionMiddleware) and noting a token's last use (at most once a
# minute, api.actions.record_use). They are counted apart from the page's own queries,
# with the BEGIN that SQLite sends before a session's save (a COMMIT is not a statement
# sent through the cursor, on either database).
HOUSEKEEPING = re.compile(
    r'^\s*(?:UPDATE|INSERT INTO) "django_session"'
    r'|^\s*UPDATE "api_apitoken" SET "last_used_at" = \S+ WHERE',
    re.IGNORECASE,
)
BEGIN = re.compile(r"^\s*BEGIN\b", re.IGNORECASE)
# The one INSERT that logs a read of special category data (privacy.log): made only
# when there is such data to show (a person with lived experience recorded), so it is
# counted apart and shown beside the page's queries rather than as a page that costs
# more for a bigger object.
READ_LOGGED = re.compile(r'^\s*INSERT INTO "privacy_readlog"', re.IGNORECASE)


class QueryCounter:
    def __init__(self):
        self.count = 0
        self.housekeeping = 0
        self.read_logged = 0
        self._after_begin = False

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        if HOUSEKEEPING.match(sql):
            self.housekeeping += 2 if self._after_begin else 1
        elif READ_LOGGED.match(sql):
            self.read_logged += 1
        self._after_begin = bool(BEGIN.match(sql))
        return execute(sql, params, many, context)


class BenchHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        kept_before = changes.worked_out()
        started = time.perf_counter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Bench-Queries"] = str(
            counter.count - counter.housekeeping - counter.read_logged
        )
        response["X-Bench-Housekeeping"] = str(counter.housekeeping)
        response["X-Bench-Read-Logged"] = str(counter.read_logged)
        # Whether this visit worked out something pages keep (Today, a list's total):
        # the first visit after a change, or after the time it is kept for.
        response["X-Bench-Worked-Out"] = str(changes.worked_out() - kept_before)
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}"
        return response
