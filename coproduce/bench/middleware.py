"""Only in bench mode (COPRODUCE_BENCH=1): each response says how many database
queries it made and how long the server took, so the load test can report both per page."""

import time

from django.db import connections


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class BenchHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        started = time.perf_counter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Bench-Queries"] = str(counter.count)
        response["Server-Timing"] = f"app;dur={elapsed_ms:.2f}"
        return response
