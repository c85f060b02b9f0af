"""The health check a load balancer or `compose` asks before sending people to an app
server: can this process reach the database and the cache right now? No sign-in, no
personal data, two tiny round trips.

`/health/?jobs=1` is for a monitor that watches the whole install: it adds when each
scheduled job last ran, how it went and whether it is late, and the age of the oldest
task waiting for a worker, and answers 503 when a job is late or its last run failed.
A load balancer keeps asking plain `/health/`: a late job is no reason to stop sending
people to an app server."""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import jobs

logger = logging.getLogger(__name__)


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
        return row is not None and row[0] == 1


def _cache() -> bool:
    key = f"health:{secrets.token_hex(8)}"
    cache.set(key, "1", 10)
    try:
        return bool(cache.get(key) == "1")
    finally:
        cache.delete(key)


CHECKS = {"database": _database, "cache": _cache}


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """200 with {"status": "ok", ...} when every check passes, else 503 naming the failing
    part (never the error itself, which could name hosts or users)."""
    results: dict[str, object] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "failing"
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = "failing"
    healthy = all(value == "ok" for value in results.values())
    if request.GET.get("jobs"):
        on_time, scheduled = _scheduled_jobs()
        results.update(scheduled)
        healthy = healthy and on_time
    return JsonResponse(
        {"status": "ok" if healthy else "failing", **results}, status=200 if healthy else 503
    )


def _scheduled_jobs() -> tuple[bool, dict[str, object]]:
    """(every job on time and its last run fine?, what to add to the answer)."""
    try:
        report = jobs.report()
        oldest = jobs.oldest_queued_task_seconds()
    except Exception:
        logger.exception("Health check of scheduled jobs failed")
        return False, {"jobs": "failing"}
    on_time = not any(job["late"] or job["last_outcome"] == "failed" for job in report.values())
    return on_time, {"jobs": report, "oldest_queued_task_seconds": oldest}
