"""The bench's report: which bars a page meets, the table beside scale 1, the latest
result per database and scale, the wait for a quiet machine and the crowd's table. No
servers needed."""

import json

from coproduce.bench import load, run


def page(median=12.0, p95=40.0, queries=(9, 9), gzip=8000, requests=50, errors=0):
    return {
        "requests": requests,
        "errors": errors,
        "median_ms": median,
        "p95_ms": p95,
        "queries_min": queries[0],
        "queries_max": queries[1],
        "gzip_bytes": gzip,
        "response_p95_ms": p95 * 2 if p95 else None,
    }


def result(scale, pages, database="postgresql"):
    return {
        "database": database,
        "scale": scale,
        "load_average_start": [0.4, 0.6, 0.7],
        "load_average_after": [1.9, 1.2, 0.9],
        "cpu_probe_start_us": 16.2,
        "cpu_probe_after_us": 17.5,
        "bare_requests_per_second": 400.0,
        "ratio_to_bare": 0.3,
        "mixed": {"requests_per_second": 120.0, "failures": 0, "pages": pages},
    }


def test_a_page_meets_every_bar_or_says_which_it_misses():
    assert run.misses(page()) == []
    assert run.misses(page(median=30.0, p95=100.0, queries=(15, 15), gzip=20 * 1024)) == []
    assert run.misses(page(median=30.1)) == ["median"]
    assert run.misses(page(p95=101.0)) == ["p95"]
    assert run.misses(page(queries=(16, 16))) == ["queries"]
    # The same count every time: a large meeting costs what a small one does.
    assert run.misses(page(queries=(9, 11))) == ["queries vary"]
    assert run.misses(page(gzip=20 * 1024 + 1)) == ["size"]
    assert run.misses(page(median=None, p95=None, queries=(None, None))) == [
        "median",
        "p95",
        "queries",
    ]
    assert run.misses(page(gzip=None)) == []  # a redirect has no body to weigh


def test_the_table_shows_each_bar_the_load_average_and_the_ratio_to_bare():
    text = run.table(
        result(1, {"project_list": page(), "person_list": page(median=45.0, queries=(12, 14))})
    )
    assert "load average at start [0.4, 0.6, 0.7]" in text
    # How fast the machine's cores were, to set runs on different days side by side.
    assert "a fixed Python loop took 16.2 µs at the start, 17.5 µs after" in text
    assert "ratio 30% (ok bar 25%)" in text
    project = next(line for line in text.splitlines() if line.startswith("project_list"))
    assert project.split()[1:6] == ["50", "12", "40", "9", "8000"] and project.endswith("ok")
    person = next(line for line in text.splitlines() if line.startswith("person_list"))
    assert "12-14" in person and person.endswith("MISSES median, queries vary")
    assert "1 of 2 pages meet every bar." in text


def test_the_cpu_probe_times_a_fixed_piece_of_python():
    first, second = run.cpu_probe(), run.cpu_probe()
    assert 0 < first < 10_000 and 0 < second < 10_000


def test_a_low_ratio_to_the_bare_view_is_called_out():
    low = {**result(1, {}), "ratio_to_bare": 0.2}
    assert "ratio 20% (MISSES bar 25%)" in run.table(low)


def test_scale_10_beside_scale_1_gives_each_page_its_ratio_against_the_bar():
    small = result(1, {"project_list": page(median=10.0), "dashboard": page(median=20.0)})
    small["when"] = "2026-11-30T12:00:00+00:00"
    large = result(
        10,
        {
            "project_list": page(median=14.0),  # 1.4x: within 1.5x
            "dashboard": page(median=31.0),  # 1.55x, and over 30 ms
            "learning": page(),  # not measured at scale 1
        },
    )
    assert run.scale_ratio(large["mixed"]["pages"]["project_list"], page(median=10.0)) == 1.4
    text = run.side_by_side(large, small)
    assert "Beside scale 1 of 2026-11-30T12:00:00+00:00" in text
    lines = {line.split()[0]: line for line in text.splitlines() if line[:1].islower()}
    assert lines["project_list"].split()[1:3] == ["10", "14"]
    assert "1.4x" in lines["project_list"] and lines["project_list"].endswith("ok")
    assert "1.55x" in lines["dashboard"]
    assert lines["dashboard"].endswith("MISSES median, grows")
    assert lines["learning"].endswith("ok") and " - " in lines["learning"]
    assert "2 of 3 pages meet every bar at scale 10." in text


def test_a_page_gone_at_scale_10_is_not_measured():
    small = result(1, {"claim_list": page()})
    text = run.side_by_side(result(10, {}), small)
    assert "MISSES not measured" in text


def test_scale_10_finds_the_latest_scale_1_result_for_the_same_database(tmp_path, capsys):
    one = result(1, {"project_list": page(median=10.0)})
    run.report_result(one, tmp_path, "2026-11-30T12:00:00+00:00")
    assert json.loads((tmp_path / "latest-postgresql-scale1.json").read_text())["scale"] == 1
    assert run.baseline_for(result(10, {}, database="sqlite"), tmp_path) is None
    assert run.baseline_for(one, tmp_path) is None  # scale 1 is the baseline itself
    capsys.readouterr()
    ten = result(10, {"project_list": page(median=12.0)})
    run.report_result(ten, tmp_path, "2026-11-30T13:00:00+00:00")
    printed = capsys.readouterr().out
    assert "Beside scale 1 of 2026-11-30T12:00:00+00:00" in printed and "1.2x" in printed
    assert (tmp_path / "latest-postgresql-scale10.json").exists()


def test_scale_10_without_a_scale_1_result_says_so(tmp_path, capsys):
    run.report_result(result(10, {"project_list": page()}), tmp_path, "now")
    assert "No scale-1 result for postgresql" in capsys.readouterr().out


def test_the_bench_waits_a_bounded_time_for_a_quiet_machine_then_warns(capsys):
    loads = iter([(3.0, 2.0, 1.0), (2.0, 2.0, 1.0), (0.5, 1.0, 1.0), (0.5, 1.0, 1.0)])
    naps = []
    assert run.wait_until_quiet(60, sleep=naps.append, load=lambda: next(loads)) == [0.5, 1, 1]
    assert naps == [5, 5] and "WARNING" not in capsys.readouterr().out
    busy = run.wait_until_quiet(0, sleep=naps.append, load=lambda: (4.2, 3.0, 2.0))
    assert busy == [4.2, 3.0, 2.0]
    assert "WARNING: load average [4.2, 3.0, 2.0]" in capsys.readouterr().out


def test_the_crowds_table_gives_throughput_failures_and_each_pages_p95():
    crowd = {
        "users": 100,
        "scale": 1.0,
        "load_average_start": [0.3, 0.2, 0.1],
        "load_average_after": [3.0, 2.0, 1.0],
        "load": {
            "requests": 9000,
            "requests_per_second": 30.0,
            "failures": 2,
            "pages": {"meeting_detail": page(p95=80.0, errors=2)},
        },
    }
    text = load.load_table(crowd)
    assert "9000 requests, 30.0 a second; 2 failed (MISSES bar: none)" in text
    row = next(line for line in text.splitlines() if line.startswith("meeting_detail"))
    assert row.split()[1:6] == ["50", "2", "12", "80", "160"]
