"""The task worker and the scheduler, started exactly as `make run` starts them, against
a fresh SQLite database and a real SMTP server this test runs on 127.0.0.1: an
invitation's email arrives through the worker, and the reminder job runs on its own from
the schedule, with its run recorded. A second scheduler runs alongside, as on a second
machine, and nothing is sent twice."""

import email
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid

from aiosmtpd.controller import Controller

from coproduce.bench import servers

WAIT_SECONDS = 60

INVITE = """
from coproduce.accounts import actions
from coproduce.accounts.tests.factories import UserFactory
admin = UserFactory(email="admin@example.org", name="Ada Admin", roles=["administrator"])
actions.invite_person(
    invited_by=admin, email="new.person@example.org", name="Nia New", roles=["coproducer"],
    build_accept_url=lambda invitation: "http://coproduce.test/accept/invitation/",
)
"""

MEETING_TOMORROW = """
from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions
from coproduce.meetings.tests.factories import make_meeting
staff = UserFactory(email="sam@example.org", name="Sam Staff", roles=["staff"])
coming = UserFactory(email="cora@example.org", name="Cora Coming", roles=["coproducer"])
meeting = make_meeting(organiser=staff, days=1, title="Planning group")
actions.invite(meeting=meeting, people=[coming], invited_by=staff)
meeting.invitations.update(reply="yes")
"""


def make_run_command(variable):
    """The command line `make run` gives this Makefile variable, checked to be used."""
    makefile = (servers.ROOT / "Makefile").read_text()
    match = re.search(rf"^{variable} := (.+)$", makefile, re.MULTILINE)
    assert match, f"The Makefile has no {variable} line"
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert f"$(BIN)/python $({variable}) &" in run_recipe, f"make run does not start $({variable})"
    return shlex.split(match.group(1))


class Inbox:
    """What the SMTP server received: (recipients, parsed message), in order."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 Message accepted"

    def to(self, address):
        with self.lock:
            return [message for rcpt, message in self.messages if address in rcpt]


def wait_for(condition, what, processes):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        for name, process, log in processes:
            assert process.poll() is None, f"The {name} stopped:\n{log.read_text()[-4000:]}"
        if result := condition():
            return result
        time.sleep(0.25)
    logs = "\n".join(f"--- {name}\n{log.read_text()[-3000:]}" for name, _, log in processes)
    raise AssertionError(f"No {what} within {WAIT_SECONDS} s.\n{logs}")


def body(message):
    return message.get_payload(decode=True).decode()


def recorded_runs(database, job):
    with sqlite3.connect(database, timeout=20) as connection:
        return connection.execute(
            "SELECT due_at, outcome FROM lib_jobrun WHERE job = ? ORDER BY due_at", (job,)
        ).fetchall()


def test_the_worker_as_make_run_starts_it_sends_email_and_runs_the_schedule(tmp_path):
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=servers.free_port(), ready_timeout=30)
    smtp.start()
    database = tmp_path / "coproduce.sqlite3"
    env = servers.base_env(
        COPRODUCE_VAR_DIR=tmp_path / "var",
        DATABASE_URL=f"sqlite:///{database}",
        SECRET_KEY="worker-test-" + uuid.uuid4().hex,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp.port,
        COPRODUCE_SITE_URL="http://coproduce.test",
        # The hourly reminder job every 2 seconds, so the test sees it run on its own.
        COPRODUCE_JOB_EVERY="meetings.send_reminders=2",
    )
    processes = []
    try:
        servers.manage("migrate", "--noinput", env=env)
        for name in ("worker", "scheduler", "second scheduler"):
            command = make_run_command("SCHEDULER" if "scheduler" in name else "WORKER")
            log = tmp_path / f"{name.replace(' ', '-')}.log"
            process = subprocess.Popen(  # noqa: S603
                [sys.executable, *command],
                cwd=servers.ROOT,
                env=env,
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes.append((name, process, log))

        # An invitation made through the accounts action reaches the SMTP server.
        servers.manage("shell", "-c", INVITE, env=env)
        (invitation,) = wait_for(
            lambda: inbox.to("new.person@example.org"), "invitation email", processes
        )
        assert invitation["Subject"] == "You are invited to Coproduce"
        assert "http://coproduce.test/accept/invitation/" in body(invitation)

        # Nobody asks for reminders: the schedule runs the job, which emails Cora.
        servers.manage("shell", "-c", MEETING_TOMORROW, env=env)
        reminder = wait_for(
            lambda: [m for m in inbox.to("cora@example.org") if "Reminder" in m["Subject"]],
            "reminder email",
            processes,
        )[0]
        assert reminder["Subject"] == "Reminder: Planning group"
        assert "A reminder: Planning group is on" in body(reminder)
        assert re.search(r"http://coproduce\.test/\S+/meeting\.ics", body(reminder))

        runs = recorded_runs(database, "meetings.send_reminders")
        assert len(runs) >= 2 and {outcome for _, outcome in runs} >= {"succeeded"}
        assert len({due_at for due_at, _ in runs}) == len(runs)  # one run per period
        assert recorded_runs(database, "privacy.apply_retention")[0][1] == "succeeded"
        # Later runs find Cora already reminded; two schedulers never send it twice.
        wait_for(
            lambda: len(recorded_runs(database, "meetings.send_reminders")) > len(runs) + 1,
            "further reminder runs",
            processes,
        )
        assert len([m for m in inbox.to("cora@example.org") if "Reminder" in m["Subject"]]) == 1
    finally:
        for _, process, _ in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process, _ in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        smtp.stop()
