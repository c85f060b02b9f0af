"""`make bench`: for SQLite and PostgreSQL in turn, build the large-organisation
dataset, serve it with gunicorn (2 workers), measure the bare view alone, then the mixed
workload, and report per page the median and p95 server time, queries per request and
compressed bytes, and the workload's throughput as a share of the bare view's.

    python -m coproduce.bench.run [--scale 0.05] [--databases sqlite,postgresql]
                                  [--seconds 45] [--restart-postgres]

Results go to var/bench/bench-<time>.json and var/bench/latest.json. Every wait is
bounded; servers are stopped in a `finally`."""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from coproduce.bench import servers

PASSWORD = "bench-password-2026"  # noqa: S105 (bench accounts on a throw-away database)
BARS = {"median_ms": 30, "ratio": 0.25}
PG_DATABASE = "coproduce_bench"


def log(message):
    print(message, flush=True)


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summarise(raw):
    pages = {}
    for name, sample in raw["pages"].items():
        if name in ("sign_in", "sign_in_page"):
            continue
        queries = sample["queries"]
        pages[name] = {
            "requests": len(sample["server_ms"]),
            "errors": sample["errors"],
            "median_ms": round(statistics.median(sample["server_ms"]), 1)
            if sample["server_ms"]
            else None,
            "p95_ms": round(percentile(sample["server_ms"], 0.95), 1)
            if sample["server_ms"]
            else None,
            "queries_min": min(queries) if queries else None,
            "queries_max": max(queries) if queries else None,
            "gzip_bytes": int(statistics.median(sample["gzip_bytes"]))
            if sample["gzip_bytes"]
            else None,
        }
    return {
        "pages": pages,
        "requests": raw["requests"],
        "failures": raw["failures"],
        "requests_per_second": round(raw["requests"] / raw["seconds"], 1),
        "failed_between": raw.get("failed_between"),
    }


def locust(host, classes, seconds, users, out, ids, workdir):
    """Runs locust headless for a bounded time; returns its summarised samples."""
    env = {
        **os.environ,
        "BENCH_IDS": str(ids),
        "BENCH_PASSWORD": PASSWORD,
        "BENCH_OUT": str(out),
    }
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--host",
        host,
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--stop-timeout",
        "5",
        *classes,
    ]
    result = subprocess.run(
        command, cwd=workdir, env=env, capture_output=True, text=True, timeout=seconds + 90
    )
    if not Path(out).exists():
        raise RuntimeError(
            f"locust wrote no results:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return summarise(json.loads(Path(out).read_text()))


def restart_postgres_during(delay, outcome):
    """Restarts the local cluster after `delay` s; records how long until /health/ is ok."""

    def run(host):
        time.sleep(delay)
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        started = time.monotonic()
        subprocess.run(
            [
                shutil.which("pg_ctlcluster") or "/usr/bin/pg_ctlcluster",
                "--skip-systemctl-redirect",
                version,
                "main",
                "restart",
            ],
            check=True,
            timeout=120,
            capture_output=True,
        )
        outcome["restart_seconds"] = round(time.monotonic() - started, 2)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{host}/health/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        outcome["healthy_after_seconds"] = round(time.monotonic() - started, 2)
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)

    return run


def bench_database(kind, args, run_dir):
    work = run_dir / kind
    shutil.rmtree(work, ignore_errors=True)
    (work / "var").mkdir(parents=True)
    settings_env = {
        "COPRODUCE_VAR_DIR": work / "var",
        "COPRODUCE_BENCH": "1",
        "SECRET_KEY": "bench-only-secret-key-not-for-real-use",
        "CONN_MAX_AGE": "60",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # The lead account signs in with a password only: locust cannot enter TOTP codes.
        # The middleware's check is one query on the lead's pages that is not measured.
        "COPRODUCE_REQUIRE_MFA": "0",
    }
    if kind == "postgresql":
        settings_env["DATABASE_URL"] = servers.create_database(PG_DATABASE)
    env = servers.app_env(**settings_env)
    result = {"database": kind, "scale": args.scale}
    server = None
    try:
        started = time.perf_counter()
        servers.manage("migrate", "--noinput", env=env, timeout=600)
        result["migrate_seconds"] = round(time.perf_counter() - started, 1)
        ids = work / "ids.json"
        output = servers.manage(
            "bench_data",
            "--scale",
            str(args.scale),
            "--password",
            PASSWORD,
            "--ids",
            str(ids),
            env=env,
            timeout=900,
        )
        log(output.rstrip())
        result["dataset"] = json.loads(output.strip().splitlines()[-1])
        server = servers.AppServer(env, workers=2, log_path=work / "gunicorn.log")
        server.wait_until_healthy()
        log(f"  measuring the bare view for {args.bare_seconds}s")
        bare = locust(
            server.url, ["BareUser"], args.bare_seconds, args.users, work / "bare.json", ids, work
        )
        outcome = {}
        restarter = None
        if args.restart_postgres and kind == "postgresql":
            restarter = threading.Thread(
                target=restart_postgres_during(args.seconds / 3, outcome), args=(server.url,)
            )
            restarter.start()
        log(f"  running the mixed workload for {args.seconds}s")
        mixed = locust(
            server.url,
            ["StaffUser", "CoproducerUser", "LeadUser", "FinanceUser"],
            args.seconds,
            args.users,
            work / "mixed.json",
            ids,
            work,
        )
        if restarter:
            restarter.join(timeout=120)
            window = mixed["failed_between"]
            result["postgres_restart"] = {
                **outcome,
                "failed_requests": mixed["failures"],
                "seconds_with_failures": round(window[1] - window[0], 2) if window else 0,
            }
        # The machine may be shared: the load average says how far to trust the times.
        result["load_average_after"] = [round(value, 2) for value in os.getloadavg()]
        result["bare_requests_per_second"] = bare["requests_per_second"]
        result["mixed"] = mixed
        result["ratio_to_bare"] = round(
            mixed["requests_per_second"] / max(bare["requests_per_second"], 0.001), 3
        )
    finally:
        if server:
            server.stop()
        if kind == "postgresql":
            servers.drop_database(PG_DATABASE)
    return result


def table(result):
    lines = [
        f"\n{result['database']} (scale {result['scale']}): "
        f"mixed {result['mixed']['requests_per_second']} req/s, bare {result['bare_requests_per_second']} req/s, "
        f"ratio {result['ratio_to_bare']:.0%} (bar {BARS['ratio']:.0%}); "
        f"{result['mixed']['failures']} failed requests; load average {result['load_average_after']}",
        f"{'page':24} {'requests':>8} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'gzip bytes':>10}  bar",
    ]
    for name, page in sorted(result["mixed"]["pages"].items()):
        queries = (
            f"{page['queries_min']}"
            if page["queries_min"] == page["queries_max"]
            else f"{page['queries_min']}-{page['queries_max']}"
        )
        met = page["median_ms"] is not None and page["median_ms"] <= BARS["median_ms"]
        lines.append(
            f"{name:24} {page['requests']:>8} {page['median_ms'] or '-':>10} {page['p95_ms'] or '-':>8} "
            f"{queries:>8} {page['gzip_bytes'] or '-':>10}  {'ok' if met else 'MISSES'}"
        )
    if "postgres_restart" in result:
        lines.append(f"PostgreSQL restart mid-load: {result['postgres_restart']}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1")))
    parser.add_argument(
        "--databases", default=os.environ.get("BENCH_DATABASES", "sqlite,postgresql")
    )
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "60")))
    parser.add_argument("--bare-seconds", type=int, default=20)
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_USERS", "6")))
    parser.add_argument(
        "--restart-postgres",
        action="store_true",
        default=os.environ.get("BENCH_RESTART_POSTGRES") == "1",
    )
    args = parser.parse_args(argv)
    out_dir = servers.ROOT / "var" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = []
    for kind in args.databases.split(","):
        log(f"== {kind}: scale {args.scale}")
        results.append(bench_database(kind.strip(), args, out_dir))
        log(table(results[-1]))
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "bars": BARS,
        "seconds": round(time.perf_counter() - started, 1),
        "results": results,
    }
    text = json.dumps(report, indent=2)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (out_dir / f"bench-{stamp}.json").write_text(text)
    (out_dir / "latest.json").write_text(text)
    log(f"\nWhole run: {report['seconds']} s. Results: var/bench/bench-{stamp}.json")


if __name__ == "__main__":
    main()
