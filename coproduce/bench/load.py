"""`make bench-load`: the crowd. Builds the large organisation on PostgreSQL, starts TWO
gunicorn app servers (2 workers each) sharing that database and Redis (cache, sign-in
limits and sessions), then runs the bench's journeys with 100 signed-in people at once
for five minutes, each person using one of the two servers throughout. Reports the
total throughput, failed requests (bar: none) and each page's p95, both the server's
time and the time a person waits (queueing included).

    python -m coproduce.bench.load [--scale 1] [--users 100] [--seconds 300]

Every bench user signs in from 127.0.0.1, so the sign-in limit per address must let a
crowd at one address in (docs/decisions on sign-in throttling): it is not turned off
here. Results go to var/bench/load-<time>.json. Every wait is bounded."""

import argparse
import json
import os
import shutil
import time
from datetime import UTC, datetime

from coproduce.bench import run, servers

PG_DATABASE = "coproduce_bench_load"


def bench_load(args, out_dir):
    work = out_dir / "load"
    shutil.rmtree(work, ignore_errors=True)
    (work / "var").mkdir(parents=True)
    redis = servers.redis_client(args.redis_db)
    redis.flushdb()  # the bench's own Redis database: last run's sessions and counts
    result = {"database": "postgresql", "scale": args.scale, "users": args.users}
    app_servers = []
    try:
        result["load_average_start"] = run.wait_until_quiet(args.quiet_seconds)
        env = servers.app_env(
            COPRODUCE_VAR_DIR=work / "var",
            COPRODUCE_BENCH="1",
            SECRET_KEY="bench-only-secret-key-not-for-real-use",  # noqa: S106
            CONN_MAX_AGE="60",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            COPRODUCE_REQUIRE_MFA="0",  # locust cannot enter TOTP codes (see run.py)
            DATABASE_URL=servers.create_database(PG_DATABASE),
            REDIS_URL=f"redis://{servers.REDIS_HOST_PORT}/{args.redis_db}",
            COPRODUCE_SESSION_STORE=args.session_store,
        )
        servers.manage("migrate", "--noinput", env=env, timeout=600)
        ids = work / "ids.json"
        result["dataset"] = run.make_dataset(env, args.scale, ids)
        for n in range(2):
            app_servers.append(
                servers.AppServer(env, workers=2, log_path=work / f"gunicorn-{n + 1}.log")
            )
        for server in app_servers:
            server.wait_until_healthy()
        hosts = [server.url for server in app_servers]
        run.log(
            f"  {args.users} people on {len(hosts)} app servers for {args.seconds}s "
            f"(sessions: {args.session_store})"
        )
        result["load"] = run.locust(
            hosts[0],
            run.JOURNEYS,
            args.seconds,
            args.users,
            work / "load.json",
            ids,
            work,
            hosts=hosts,
        )
        result["load_average_after"] = [round(value, 2) for value in os.getloadavg()]
    finally:
        for server in app_servers:
            server.stop()
        servers.drop_database(PG_DATABASE)
        redis.flushdb()
    return result


def load_table(result):
    load = result["load"]
    failed = load["failures"]
    lines = [
        f"\nThe crowd: {result['users']} people on two app servers (2 workers each), "
        f"PostgreSQL and Redis, scale {result['scale']:g}",
        f"{load['requests']} requests, {load['requests_per_second']} a second; "
        f"{failed} failed ({'ok' if failed <= run.BARS['failures'] else 'MISSES'} bar: none); "
        f"load average at start {result.get('load_average_start')}, "
        f"after {result.get('load_average_after')}",
        f"{'page':24} {'requests':>8} {'failed':>6} {'server median':>13} {'server p95':>10} "
        f"{'wait p95':>9} {'queries':>8}",
    ]
    for name, page in sorted(load["pages"].items()):
        lines.append(
            f"{name:24} {page['requests']:>8} {page['errors']:>6} "
            f"{run.number(page['median_ms']):>13} {run.number(page['p95_ms']):>10} "
            f"{run.number(page['response_p95_ms']):>9} {run.queries_text(page):>8}"
        )
    lines.append("Times in ms: the server's time in the view, and what a person waits for it.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")))
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_LOAD_USERS", "100")))
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", "300"))
    )
    parser.add_argument(
        "--redis-db",
        type=int,
        default=int(os.environ.get("BENCH_REDIS_DB", "13")),
        help="The Redis database the servers share; emptied before and after",
    )
    parser.add_argument(
        "--session-store",
        default=os.environ.get("BENCH_SESSION_STORE", "cache"),
        help="COPRODUCE_SESSION_STORE for the app servers: cache, cached_db or database",
    )
    parser.add_argument(
        "--quiet-seconds", type=int, default=int(os.environ.get("BENCH_QUIET_SECONDS", "120"))
    )
    args = parser.parse_args(argv)
    out_dir = servers.ROOT / "var" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result = bench_load(args, out_dir)
    run.log(load_table(result))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "bars": run.BARS,
        "seconds": round(time.perf_counter() - started, 1),
        "result": result,
    }
    (out_dir / f"load-{stamp}.json").write_text(json.dumps(report, indent=2))
    run.log(f"\nWhole run: {report['seconds']} s. Results: var/bench/load-{stamp}.json")


if __name__ == "__main__":
    main()
