"""`make bench`: for SQLite and PostgreSQL in turn, build the large-organisation
dataset, serve it with gunicorn (2 workers), measure the bare view alone, then the mixed
workload, and report per page the median and p95 server time, queries per request and
compressed bytes against the bars, and the workload's throughput as a share of the bare
view's. Above scale 1, each page is also set beside the latest scale-1 run on the same
database: a page should cost at most 1.5 times as much with ten times the data.

The crowd (many people at once, two app servers) is coproduce.bench.load.

    python -m coproduce.bench.run [--scale 0.05] [--databases sqlite,postgresql]
                                  [--seconds 45] [--restart-postgres]

Results go to var/bench/bench-<time>.json, var/bench/latest.json and, per database and
scale, var/bench/latest-<database>-scale<scale>.json. Every wait is bounded; servers
are stopped in a `finally`."""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import timeit
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from coproduce.bench import pages, servers

PASSWORD = "bench-password-2026"  # noqa: S105 (bench accounts on a throw-away database)
BARS = {
    "median_ms": 30,
    "p95_ms": 100,
    "queries": 15,  # at most, and the same for every object of a kind
    "gzip_bytes": 20 * 1024,
    "ratio": 0.25,  # the workload's throughput as a share of the bare view's
    "scale_ratio": 1.5,  # a page's median at scale 10 over its median at scale 1
    "failures": 0,  # under load
}
PG_DATABASE = "coproduce_bench"
QUIET_LOAD = 1.0  # a load average this high at the start makes the times untrustworthy
JOURNEYS = ["StaffUser", "CoproducerUser", "LeadUser", "FinanceUser"]


def log(message):
    print(message, flush=True)


def wait_until_quiet(limit_seconds, sleep=time.sleep, load=os.getloadavg):
    """Waits (bounded) for the machine's one-minute load average to fall below
    QUIET_LOAD; returns the load averages it starts with, warning if still busy."""
    deadline = time.monotonic() + limit_seconds
    while load()[0] >= QUIET_LOAD and time.monotonic() < deadline:
        sleep(5)
    averages = [round(value, 2) for value in load()]
    if averages[0] >= QUIET_LOAD:
        log(
            f"  WARNING: load average {averages} at the start (bar: below {QUIET_LOAD}); "
            "other work on the machine will make these times slower and noisier"
        )
    return averages


def cpu_probe():
    """Microseconds for a fixed piece of Python (the best of five tries): how fast this
    machine's cores are just now. Shared machines differ from one day to the next by
    half or more; two runs' times compare only beside their probes."""
    tries = timeit.repeat("sum(range(1000))", number=2000, repeat=5)
    return round(min(tries) / 2000 * 1e6, 1)


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
        # Visits that worked out something kept (Today, a list's total) make more
        # queries than the page does from then on: the steady state is the rest.
        worked_out = sample.get("worked_out") or [0] * len(queries)
        steady = [n for n, fresh in zip(queries, worked_out, strict=True) if not fresh]
        read_logged = sample.get("read_logged") or [0] * len(queries)
        fresh = [n for n, was in zip(queries, worked_out, strict=True) if was]
        pages[name] = {
            "requests": len(sample["server_ms"]),
            "errors": sample["errors"],
            "median_ms": round(statistics.median(sample["server_ms"]), 1)
            if sample["server_ms"]
            else None,
            "p95_ms": round(percentile(sample["server_ms"], 0.95), 1)
            if sample["server_ms"]
            else None,
            "queries_min": min(steady) if steady else None,
            "queries_max": max(steady) if steady else None,
            "worked_out_requests": len(fresh),
            "worked_out_queries_max": max(fresh) if fresh else None,
            # Every visit, worked out or not, with its logged read, is held to the
            # 15-query bar.
            "queries_most": max(
                (n + logged for n, logged in zip(queries, read_logged, strict=True)),
                default=None,
            ),
            "read_logged_requests": sum(1 for n in read_logged if n),
            "read_logged_max": max(read_logged, default=0),
            # Requests that also kept a session or token going, and how many statements.
            "housekeeping_requests": sum(1 for n in sample.get("housekeeping", []) if n),
            "housekeeping_statements": sum(sample.get("housekeeping", [])),
            "gzip_bytes": int(statistics.median(sample["gzip_bytes"]))
            if sample["gzip_bytes"]
            else None,
            "response_p95_ms": round(percentile(sample.get("response_ms", []), 0.95), 1)
            if sample.get("response_ms")
            else None,
        }
    return {
        "pages": pages,
        "requests": raw["requests"],
        "failures": raw["failures"],
        "requests_per_second": round(raw["requests"] / raw["seconds"], 1),
        "failed_between": raw.get("failed_between"),
    }


def locust(host, classes, seconds, users, out, ids, workdir, hosts=()):
    """Runs locust headless for a bounded time; returns its summarised samples. Given
    `hosts`, each signed-in user picks one of them."""
    env = {
        **os.environ,
        "BENCH_IDS": str(ids),
        "BENCH_PASSWORD": PASSWORD,
        "BENCH_OUT": str(out),
        "BENCH_HOSTS": ",".join(hosts),
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
        str(min(users, 20)),  # a crowd arrives over a few seconds, not in one instant
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


def make_dataset(env, scale, ids):
    """bench_data, its progress shown as it goes; bounded at 40 minutes (scale 10 on
    PostgreSQL takes about a third of that)."""
    command = [sys.executable, "manage.py", "bench_data", "--scale", str(scale)]
    command += ["--password", PASSWORD, "--ids", str(ids)]
    process = subprocess.Popen(
        command,
        cwd=servers.ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    timer = threading.Timer(40 * 60, process.kill)
    timer.start()
    lines = []
    try:
        for line in process.stdout:
            lines.append(line.rstrip())
            log(line.rstrip())
        process.wait(timeout=60)
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
    if process.returncode != 0:
        raise RuntimeError("manage.py bench_data failed:\n" + "\n".join(lines[-40:]))
    return json.loads(lines[-1])


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def first_visits(base_url, ids_path):
    """Each role signs in and opens each page of its journey once, before anything is
    measured, as people would have on a site in use: the dashboard, the budget and each
    person's Today are worked out on a first visit and kept (decisions 0031, 0045, 0046),
    and the scheduler keeps them fresh from then on. Returns what each first visit cost,
    which the table reports beside the steady state it measures."""
    ids = json.loads(Path(ids_path).read_text())
    visits = []
    for role in pages.JOURNEYS:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        form = opener.open(f"{base_url}/accounts/login/", timeout=60).read().decode()
        body = urllib.parse.urlencode(
            {
                "login": ids["accounts"][role],
                "password": PASSWORD,
                "csrfmiddlewaretoken": CSRF.search(form).group(1),
            }
        ).encode()
        signed_in = urllib.request.Request(  # noqa: S310 (the bench server on 127.0.0.1)
            f"{base_url}/accounts/login/",
            data=body,
            headers={"Referer": f"{base_url}/accounts/login/"},
        )
        with opener.open(signed_in, timeout=60) as landed:
            if "/accounts/login/" in landed.url:
                raise RuntimeError(f"Bench {role} could not sign in for the first visits")
        for name, path in pages.first_visits(role, ids):
            with opener.open(f"{base_url}{path}", timeout=120) as response:
                response.read()
                timing = response.headers.get("Server-Timing", "dur=0")
                visits.append(
                    {
                        "role": role,
                        "page": name,
                        "server_ms": round(float(timing.split("dur=")[1]), 1),
                        "queries": int(response.headers.get("X-Bench-Queries", "0")),
                    }
                )
    return visits


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
        result["load_average_start"] = wait_until_quiet(args.quiet_seconds)
        result["cpu_probe_start_us"] = cpu_probe()
        started = time.perf_counter()
        servers.manage("migrate", "--noinput", env=env, timeout=600)
        result["migrate_seconds"] = round(time.perf_counter() - started, 1)
        ids = work / "ids.json"
        result["dataset"] = make_dataset(env, args.scale, ids)
        server = servers.AppServer(env, workers=2, log_path=work / "gunicorn.log")
        server.wait_until_healthy()
        log("  first visits: each role opens each page of its journey once")
        result["first_visits"] = first_visits(server.url, ids)
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
            JOURNEYS,
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
        result["cpu_probe_after_us"] = cpu_probe()
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


def misses(page):
    """The bars a page misses, in words; empty when it meets every one."""
    missed = []
    for key, label in (("median_ms", "median"), ("p95_ms", "p95")):
        if page[key] is None or page[key] > BARS[key]:
            missed.append(label)
    most = max(
        page["queries_max"] or 0,
        page.get("worked_out_queries_max") or 0,
        page.get("queries_most") or 0,
    )
    if page["queries_max"] is None or most > BARS["queries"]:
        missed.append("queries")
    elif page["queries_min"] != page["queries_max"]:
        missed.append("queries vary")
    # A redirect (a form posted) has no body to weigh.
    if page["gzip_bytes"] is not None and page["gzip_bytes"] > BARS["gzip_bytes"]:
        missed.append("size")
    return missed


def queries_text(page):
    if page["queries_min"] is None:
        return "-"
    if page["queries_min"] == page["queries_max"]:
        text = str(page["queries_min"])
    else:
        text = f"{page['queries_min']}-{page['queries_max']}"
    if page.get("read_logged_requests"):
        text += f"+{page['read_logged_max']}"  # read_logged_lines says what it is
    return text


def verdict(missed):
    return "ok" if not missed else "MISSES " + ", ".join(missed)


def number(value):
    return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def bars_line():
    return (
        f"Bars: median <= {BARS['median_ms']} ms, p95 <= {BARS['p95_ms']} ms, "
        f"<= {BARS['queries']} queries (the same every time), "
        f"<= {BARS['gzip_bytes'] // 1024} KB gzip; throughput >= {BARS['ratio']:.0%} of the bare view"
    )


def header(result):
    ratio = result["ratio_to_bare"]
    return (
        f"\n{result['database']} (scale {result['scale']:g}): "
        f"mixed {result['mixed']['requests_per_second']} req/s, "
        f"bare {result['bare_requests_per_second']} req/s, "
        f"ratio {ratio:.0%} ({'ok' if ratio >= BARS['ratio'] else 'MISSES'} bar {BARS['ratio']:.0%}); "
        f"{result['mixed']['failures']} failed requests; "
        f"load average at start {result.get('load_average_start', '-')}, "
        f"after {result.get('load_average_after', '-')}; "
        f"a fixed Python loop took {result.get('cpu_probe_start_us', '-')} µs at the start, "
        f"{result.get('cpu_probe_after_us', '-')} µs after (cpu_probe: lower is a faster core)"
    )


def table(result):
    lines = [
        header(result),
        bars_line(),
        f"{'page':34} {'requests':>8} {'median ms':>10} {'p95 ms':>8} {'queries':>8} "
        f"{'gzip bytes':>10}  bars",
    ]
    pages = result["mixed"]["pages"]
    for name, page in sorted(pages.items()):
        lines.append(
            f"{name:34} {page['requests']:>8} {number(page['median_ms']):>10} "
            f"{number(page['p95_ms']):>8} {queries_text(page):>8} "
            f"{number(page['gzip_bytes']):>10}  {verdict(misses(page))}"
        )
    failing = sum(1 for page in pages.values() if misses(page))
    lines.append(f"{len(pages) - failing} of {len(pages)} pages meet every bar.")
    lines.append(housekeeping_line(result))
    lines += read_logged_lines(result)
    lines += worked_out_lines(result)
    lines += first_visits_lines(result)
    if "postgres_restart" in result:
        lines.append(f"PostgreSQL restart mid-load: {result['postgres_restart']}")
    return "\n".join(lines)


def housekeeping_line(result):
    """The writes that keep sessions and API tokens going (bench/middleware.py), which
    the queries column leaves out: what they were, and how often they came."""
    pages = result["mixed"]["pages"].values()
    requests = sum(page.get("housekeeping_requests", 0) for page in pages)
    statements = sum(page.get("housekeeping_statements", 0) for page in pages)
    total = sum(page["requests"] for page in pages)
    return (
        "Not in the queries column: a session saved again (at most every 5 minutes) or "
        f"an API token's last use noted (at most once a minute), on {requests} of {total} "
        f"requests, {statements} statements in all."
    )


def read_logged_lines(result):
    """The pages whose visits logged a read of special category data (the "+1" in the
    queries column): only when the person opened had some to show."""
    logged = {
        name: page
        for name, page in sorted(result["mixed"]["pages"].items())
        if page.get("read_logged_requests")
    }
    if not logged:
        return []
    return [
        "+1 in the queries column: a read of special category data logged, only when "
        "there was some to show:"
    ] + [
        f"  {name}: {page['read_logged_requests']} of {page['requests']} visits"
        for name, page in logged.items()
    ]


def worked_out_lines(result):
    """The measured visits that worked out something kept, left out of the queries
    column (whose bar is the same count every time) but held to the 15-query bar."""
    fresh = {
        name: page
        for name, page in sorted(result["mixed"]["pages"].items())
        if page.get("worked_out_requests")
    }
    if not fresh:
        return ["No measured visit worked out anything kept."]
    return [
        "Measured visits that worked out something kept (after a change, or once it was "
        "5 minutes old), not in the queries column:"
    ] + [
        f"  {name}: {page['worked_out_requests']} of {page['requests']}, "
        f"at most {page['worked_out_queries_max']} queries"
        for name, page in fresh.items()
    ]


def first_visits_lines(result):
    """The first visits (before anything was kept) that made more queries than the page
    does from then on, or took longer than the p95 bar: what the first person to open a
    page after a change waits."""
    steady = result.get("mixed", {}).get("pages", {})

    def costly(visit):
        page = steady.get(visit["page"]) or {}
        more_queries = visit["queries"] > (page.get("queries_max") or BARS["queries"])
        return more_queries or visit["server_ms"] > BARS["p95_ms"]

    over = [visit for visit in result.get("first_visits", []) if costly(visit)]
    if not over:
        return ["No first visit made more queries than later ones or took over the p95 bar."]
    return [
        "First visits, before anything was kept, over the p95 bar or later visits' queries:"
    ] + [
        f"  {visit['page']} as {visit['role']}: {visit['server_ms']:g} ms, "
        f"{visit['queries']} queries"
        for visit in over
    ]


def scale_ratio(page, baseline):
    """A page's median at this scale over its median at the baseline's."""
    if not baseline or not page["median_ms"] or not baseline["median_ms"]:
        return None
    return round(page["median_ms"] / baseline["median_ms"], 2)


def side_by_side(result, baseline):
    """One table: each page at the baseline's scale (1) and at this one, with the ratio of
    their medians, against every bar (the bars at this scale) and the scale bar."""
    small, large = f"{baseline['scale']:g}", f"{result['scale']:g}"
    lines = [
        header(result),
        f"Beside scale {small} of {baseline.get('when', '?')}: "
        f"ratio = median at scale {large} / median at scale {small} "
        f"(bar <= {BARS['scale_ratio']:g}x)",
        bars_line(),
        f"{'page':34} {'median ms':>17} {'p95 ms':>17} {'queries':>13} {'gzip bytes':>15} "
        f"{'ratio':>6}  bars (scale {large})",
        f"{'':34} {small:>8} {large:>8} {small:>8} {large:>8} {small:>6} {large:>6} "
        f"{small:>7} {large:>7}",
    ]
    before = baseline["mixed"]["pages"]
    pages = result["mixed"]["pages"]
    failing = 0
    for name in sorted(set(pages) | set(before)):
        page, old = pages.get(name), before.get(name)
        missed = misses(page) if page else ["not measured"]
        ratio = scale_ratio(page, old) if page else None
        if ratio is not None and ratio > BARS["scale_ratio"]:
            missed.append("grows")
        failing += bool(missed)
        cell = lambda sample, key: number(sample[key]) if sample else "-"  # noqa: E731
        lines.append(
            f"{name:34} {cell(old, 'median_ms'):>8} {cell(page, 'median_ms'):>8} "
            f"{cell(old, 'p95_ms'):>8} {cell(page, 'p95_ms'):>8} "
            f"{queries_text(old) if old else '-':>6} {queries_text(page) if page else '-':>6} "
            f"{cell(old, 'gzip_bytes'):>7} {cell(page, 'gzip_bytes'):>7} "
            f"{number(ratio) + 'x' if ratio else '-':>6}  {verdict(missed)}"
        )
    total = len(set(pages) | set(before))
    lines.append(f"{total - failing} of {total} pages meet every bar at scale {large}.")
    lines.append(housekeeping_line(result))
    lines += read_logged_lines(result)
    lines += worked_out_lines(result)
    lines += first_visits_lines(result)
    return "\n".join(lines)


def latest_path(out_dir, database, scale):
    return Path(out_dir) / f"latest-{database}-scale{scale:g}.json"


def baseline_for(result, out_dir):
    """The latest scale-1 result on the same database, for a run above scale 1."""
    if result["scale"] <= 1:
        return None
    path = latest_path(out_dir, result["database"], 1)
    return json.loads(path.read_text()) if path.exists() else None


def report_result(result, out_dir, when):
    """Prints the table (beside scale 1 when there is one) and keeps the result as the
    latest for its database and scale."""
    baseline = baseline_for(result, out_dir)
    log(side_by_side(result, baseline) if baseline else table(result))
    if result["scale"] > 1 and not baseline:
        log(f"(No scale-1 result for {result['database']} in {out_dir} to set beside it.)")
    latest_path(out_dir, result["database"], result["scale"]).write_text(
        json.dumps({**result, "when": when}, indent=2)
    )


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
    parser.add_argument(
        "--quiet-seconds",
        type=int,
        default=int(os.environ.get("BENCH_QUIET_SECONDS", "120")),
        help="How long to wait at most for the load average to fall below 1",
    )
    args = parser.parse_args(argv)
    out_dir = servers.ROOT / "var" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    when = datetime.now(UTC).isoformat(timespec="seconds")
    results = []
    for kind in args.databases.split(","):
        log(f"== {kind}: scale {args.scale:g}")
        results.append(bench_database(kind.strip(), args, out_dir))
        report_result(results[-1], out_dir, when)
    report = {
        "when": when,
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
