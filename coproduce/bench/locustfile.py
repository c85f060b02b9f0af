"""The load: signed-in staff, co-producer and lead journeys (lists, detail pages, a
search, a form posted), and a bare-view user for the yardstick. Run by coproduce.bench.run
and .load; BENCH_IDS names the JSON of ids and accounts, BENCH_PASSWORD their password,
BENCH_OUT where each page's samples go and BENCH_HOSTS, if set, the app servers each
signed-in user picks one of."""

import gzip
import json
import os
import random
import re
import time
from collections import defaultdict

from locust import HttpUser, between, events, task

from coproduce.bench import pages

IDS = json.loads(open(os.environ["BENCH_IDS"]).read()) if os.environ.get("BENCH_IDS") else {}  # noqa: SIM115
PASSWORD = os.environ.get("BENCH_PASSWORD", "")
HOSTS = [host for host in os.environ.get("BENCH_HOSTS", "").split(",") if host]
SAMPLES = defaultdict(
    lambda: {
        "server_ms": [],
        "response_ms": [],
        "queries": [],
        "housekeeping": [],
        "read_logged": [],
        "worked_out": [],
        "gzip_bytes": [],
        "errors": 0,
    }
)
FAILED_AT = []  # when requests failed, to measure how long an outage lasted
SIZE_SAMPLES = 20  # compressing every body would load the client, not the server
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@events.request.add_listener
def record(request_type, name, response, exception, response_time=None, **kwargs):
    sample = SAMPLES[name]
    if exception or response is None or response.status_code >= 400:
        sample["errors"] += 1
        FAILED_AT.append(time.time())
        return
    if response_time is not None:  # as the person waits for it: queueing included
        sample["response_ms"].append(response_time)
    timing = response.headers.get("Server-Timing", "")
    if "dur=" in timing:
        sample["server_ms"].append(float(timing.split("dur=")[1]))
    if "X-Bench-Queries" in response.headers:
        sample["queries"].append(int(response.headers["X-Bench-Queries"]))
        sample["housekeeping"].append(int(response.headers.get("X-Bench-Housekeeping", "0")))
        sample["read_logged"].append(int(response.headers.get("X-Bench-Read-Logged", "0")))
        sample["worked_out"].append(int(response.headers.get("X-Bench-Worked-Out", "0")))
    if len(sample["gzip_bytes"]) < SIZE_SAMPLES and response.content:
        sample["gzip_bytes"].append(len(gzip.compress(response.content, 6)))


@events.quitting.add_listener
def write_samples(environment, **kwargs):
    stats = environment.stats.total
    out = {
        "pages": SAMPLES,
        "requests": stats.num_requests,
        "failures": stats.num_failures,
        "failed_between": [min(FAILED_AT), max(FAILED_AT)] if FAILED_AT else None,
        "seconds": max(stats.last_request_timestamp - stats.start_time, 0.001)
        if stats.last_request_timestamp
        else 0.001,
    }
    with open(os.environ["BENCH_OUT"], "w") as handle:
        json.dump(out, handle)


class SignedIn(HttpUser):
    abstract = True
    wait_time = between(0, 0.05)
    role = ""

    def on_start(self):
        if HOSTS:  # the crowd: each person uses one of the app servers throughout
            self.host = random.choice(HOSTS)
            self.client.base_url = self.host
        page = self.client.get("/accounts/login/", name="sign_in_page")
        token = CSRF.search(page.text).group(1)
        response = self.client.post(
            "/accounts/login/",
            {
                "login": IDS["accounts"][self.role],
                "password": PASSWORD,
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign_in",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"Bench {self.role} could not sign in: {response.status_code}")

    def named(self, page):
        return pages.sample_name(page, self.role)

    def detail(self, kind, path, name):
        ids = IDS["objects"][self.role][kind]
        if ids:
            self.client.get(path.format(random.choice(ids)), name=self.named(name))

    def post_display_settings(self):
        page = self.client.get("/display-settings/", name=self.named("display_settings"))
        match = CSRF.search(page.text)
        if match:
            self.client.post(
                "/display-settings/",
                {
                    "csrfmiddlewaretoken": match.group(1),
                    "text_size": random.choice(["100", "125"]),
                    "contrast": "standard",
                },
                headers={"Referer": f"{self.host}/display-settings/"},
                name=self.named("display_settings_post"),
                allow_redirects=False,
            )


# Each journey step is a function of the signed-in user; a journey weights the steps.
def visit(path, name):
    def step(user):
        user.client.get(path, name=user.named(name))

    step.__name__ = name
    return step


def visit_one(kind, path, name):
    def step(user):
        user.detail(kind, path, name)

    step.__name__ = name
    return step


# Today, the page each person lands on, is named per role: each role's providers differ.
STEPS = {name: visit(path, name) for name, path in pages.VISITS.items()}
STEPS.update({name: visit_one(kind, path, name) for name, (kind, path) in pages.VISITS_ONE.items()})


def api_list(path, name, token_role=None):
    """A list of the JSON API, with the bench token of `token_role` (None: public)."""

    def step(user):
        token = IDS.get("api", {}).get(token_role) if token_role else None
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        user.client.get(path, name=user.named(name), headers=headers)

    step.__name__ = name
    return step


for name, (path, token_role) in pages.API.items():
    STEPS[name] = api_list(path, name, token_role)


def person_search(user):
    query = random.choice(["Ada", "Khan", "Jo"])
    user.client.get(f"/people/?q={query}", name=user.named("person_search"))


def display_settings(user):
    user.post_display_settings()


STEPS["person_search"] = person_search
STEPS["display_settings"] = display_settings


def journey(role):
    return {STEPS[name]: weight for name, weight in pages.JOURNEYS[role].items()}


class StaffUser(SignedIn):
    role = "staff"
    weight = 1
    tasks = journey(role)


class CoproducerUser(SignedIn):
    role = "coproducer"
    weight = 2
    tasks = journey(role)


class LeadUser(SignedIn):
    """The co-production lead, who also does finance (see bench/accounts.py)."""

    role = "lead"
    weight = 1
    tasks = journey(role)


class FinanceUser(SignedIn):
    role = "finance"
    weight = 1
    tasks = journey(role)


class BareUser(HttpUser):
    wait_time = between(0, 0.05)

    @task
    def bare(self):
        self.client.get("/bench/bare/", name="bare")
