"""What a screen reader is given on the key page of each role's core journey (issue 19):
the accessibility tree Chromium builds, read two ways.

- Its ARIA snapshot (Playwright's YAML of roles, names and states) is compared with a
  reviewed file in coproduce/tests/aria/, so a change to what is announced shows up in
  review. Dates, times and ids are normalised so the files do not change from day to day.
  `COPRODUCE_UPDATE_ARIA=1` writes the files afresh instead of comparing (then review the
  diff).
- The full tree (Chrome DevTools' Accessibility domain) is checked for what a person
  navigating by landmarks, headings, form fields and tables needs: the four landmarks,
  one h1 then no skipped level, a name for every control, each hint and error message
  given as the description of its field, column headers in every table, and saved, sent
  and error states announced by a status or alert region. The session time-out warning
  is announced when it appears (decision 0043)."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coproduce.meetings import actions as meeting_actions
from coproduce.meetings.tests.factories import make_meeting
from coproduce.payments import actions as payment_actions
from coproduce.payments.tests.factories import make_claim, make_expense_type
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SNAPSHOTS = Path(__file__).parent / "aria"
UPDATE = os.environ.get("COPRODUCE_UPDATE_ARIA") == "1"

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
# What changes from run to run, and what it becomes in the stored snapshot.
NORMALISE = [
    (re.compile(rf"\b(?:(?:{DAYS}),? )?\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?\b"), "<date>"),
    (re.compile(rf"\b(?:{MONTHS}) \d{{4}}\b"), "<month>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "<date>"),
    (re.compile(r"\b\d{2}/\d{2}/\d{4}\b"), "<date>"),
    (re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE), "<time>"),
    (re.compile(r"\b\d{1,2}:\d{2}\b"), "<time>"),
    (re.compile(r"\b\d+ (?:days?|weeks?|months?|hours?|minutes?) (?:ago|from now)\b"), "<when>"),
    # Ids in addresses: a path segment or a query value that is a number.
    (re.compile(r"(/url: \S*?[/=])\d+(?=[/?#&\s]|$)", re.MULTILINE), r"\1<id>"),
]
LANDMARKS = ("banner", "navigation", "main", "contentinfo")
CONTROLS = {
    "button",
    "checkbox",
    "combobox",
    "link",
    "listbox",
    "menuitem",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "tab",
    "textbox",
}


def normalised(snapshot):
    for pattern, replacement in NORMALISE:
        # Applied until nothing changes: one /url may hold several ids.
        while True:
            changed = pattern.sub(replacement, snapshot)
            if changed == snapshot:
                break
            snapshot = changed
    return snapshot


def matches_reviewed_snapshot(page, name):
    """The page's ARIA snapshot against coproduce/tests/aria/<name>.yml."""
    snapshot = normalised(page.locator("body").aria_snapshot()) + "\n"
    path = SNAPSHOTS / f"{name}.yml"
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(snapshot)
        assert UPDATE, f"{path.name} was missing and has been written: review it and commit it"
        return
    assert snapshot == path.read_text(), (
        f"What a screen reader is given on {page.url} has changed from {path}. If the change "
        "is meant, run with COPRODUCE_UPDATE_ARIA=1 and review the diff."
    )


class Tree:
    """Chromium's accessibility tree for a page, as a screen reader gets it."""

    def __init__(self, page):
        session = page.context.new_cdp_session(page)
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
        session.detach()
        self.nodes = {node["nodeId"]: node for node in nodes if not node.get("ignored")}
        self.all = {node["nodeId"]: node for node in nodes}

    @staticmethod
    def value(node, key):
        return (node.get(key) or {}).get("value", "")

    def role(self, node):
        return self.value(node, "role")

    def name(self, node):
        return " ".join(str(self.value(node, "name")).split())

    def description(self, node):
        return " ".join(str(self.value(node, "description")).split())

    def prop(self, node, key):
        for prop in node.get("properties", []):
            if prop["name"] == key:
                return prop["value"].get("value")
        return None

    def in_order(self):
        """Nodes in reading order (a depth-first walk from the root)."""
        roots = [node for node in self.all.values() if not node.get("parentId")]
        stack, order = list(reversed(roots)), []
        while stack:
            node = stack.pop()
            if not node.get("ignored"):
                order.append(node)
            stack.extend(self.all[child] for child in reversed(node.get("childIds", [])))
        return order

    def descendants(self, node):
        stack, found = list(node.get("childIds", [])), []
        while stack:
            child = self.all.get(stack.pop())
            if child is None:
                continue
            if not child.get("ignored"):
                found.append(child)
            stack.extend(child.get("childIds", []))
        return found

    def ancestors(self, node):
        while node.get("parentId"):
            node = self.all[node["parentId"]]
            yield node

    def text(self, node):
        return " ".join(
            " ".join(str(self.value(n, "name")).split())
            for n in [node, *self.descendants(node)]
            if self.role(n) in ("StaticText", "heading", "paragraph", "link", "button")
        )

    def of_role(self, *roles):
        return [node for node in self.in_order() if self.role(node) in roles]


def semantic_problems(page):
    """Everything the page's accessibility tree lacks, each said so it can be found."""
    tree, problems = Tree(page), []
    for landmark in LANDMARKS:
        count = len(tree.of_role(landmark))
        if count == 0 or (landmark != "navigation" and count > 1):
            problems.append(f"{count} {landmark} landmarks (should be one)")
    # Headings in reading order. A notification banner's own h2 ("Done", "There is a
    # problem") comes just before the h1, as GOV.UK places it, and is read as part of
    # its status or alert message; the outline starts after it.
    outline = [
        (tree.prop(node, "level"), tree.name(node))
        for node in tree.of_role("heading")
        if not any(tree.role(up) in ("status", "alert") for up in tree.ancestors(node))
    ]
    if [level for level, _ in outline].count(1) != 1:
        problems.append(f"the outline has {[level for level, _ in outline].count(1)} h1s")
    elif outline[0][0] != 1:
        problems.append(f"the outline starts at h{outline[0][0]} {outline[0][1]!r}, not the h1")
    for (before, _), (level, name) in zip(outline, outline[1:], strict=False):
        if level > before + 1:
            problems.append(f"h{level} {name!r} skips a level after h{before}")
    for node in tree.of_role(*CONTROLS):
        if not tree.name(node) and not tree.prop(node, "hidden"):
            problems.append(f"a {tree.role(node)} with no accessible name")
    described = " | ".join(tree.description(node) for node in tree.nodes.values())
    for kind, text in page.evaluate(
        """() => [...document.querySelectorAll('main .govuk-hint, main .govuk-error-message')]
            // A field's hint or error: inside a form group or form (Today's grey
            // "Due in 10 days" uses the hint style for secondary text).
            .filter(e => e.offsetParent !== null && e.closest('form, .govuk-form-group'))
            .map(e => [e.classList.contains('govuk-hint') ? 'hint' : 'error',
                       e.innerText.replace(/\\s+/g, ' ').trim()])"""
    ):
        if text and text not in described:
            problems.append(f"the {kind} {text!r} is not the description of its field")
    for table in tree.of_role("table", "grid"):
        if not any(tree.role(cell) == "columnheader" for cell in tree.descendants(table)):
            problems.append(f"the table {tree.name(table)!r} has no column headers")
    return problems


def announced(page, role):
    """The text of every `role` live region on the page (status or alert)."""
    tree = Tree(page)
    return [tree.text(node) for node in tree.of_role(role)]


def open_as(browser, live_server, person, path):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    if person is not None:
        context.add_cookies([session_cookie(person, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + path)
    return context, page


def check(page, name):
    problems = semantic_problems(page)
    assert not problems, f"On {page.url}:\n" + "\n".join(f"  - {p}" for p in problems)
    matches_reviewed_snapshot(page, name)


@pytest.fixture
def journey(people):
    """The same small world for every page: a meeting Chris is invited to, one he went
    to, a project with an open decision, and a claim sent for approval."""
    from datetime import date, timedelta

    from coproduce.projects import actions as project_actions
    from coproduce.projects.tests.factories import make_project

    staff, chris, lead = people["staff"], people["coproducer"], people["lead"]
    coming = make_meeting(organiser=staff, days=10, title="Bus group")
    meeting_actions.invite(meeting=coming, people=[chris], invited_by=staff)
    past = make_meeting(organiser=staff, days=-3, title="Train group")
    meeting_actions.invite(meeting=past, people=[chris], invited_by=staff)
    project = make_project(lead=staff, coproducers=[chris], title="Better buses")
    decision = project_actions.open_decision(
        project=project,
        opened_by=staff,
        what="Papers go out two weeks before each meeting.",
        why="One week is not enough to get them in Braille.",
        closes_on=date.today() + timedelta(days=14),
    )
    make_expense_type(slug="travel")
    sent = make_claim(claimant=chris)
    payment_actions.submit(claim=sent, by=chris)
    draft = make_claim(claimant=chris, days_ago=5)
    return {
        "coming": coming,
        "past": past,
        "project": project,
        "decision": decision,
        "sent": sent,
        "draft": draft,
        "lead": lead,
    }


@pytest.mark.parametrize(
    "role", ["administrator", "lead", "staff", "finance", "board", "coproducer"]
)
def test_today(role, browser, live_server, people, journey):
    context, page = open_as(browser, live_server, people[role], "/home/")
    check(page, f"today-{role}")
    context.close()


def test_the_public_home_page(browser, live_server, people, journey):
    context, page = open_as(browser, live_server, None, "/")
    check(page, "public-home")
    context.close()


def test_replying_to_an_invitation_announces_what_was_sent(browser, live_server, people, journey):
    meeting = journey["coming"]
    context, page = open_as(browser, live_server, people["coproducer"], meeting.get_absolute_url())
    check(page, "invitation-reply")
    page.get_by_label("Yes, I am coming").check()
    page.get_by_role("button", name="Send my reply").click()
    expect(page.locator("main")).to_contain_text("Thank you")
    assert any("Thank you" in text for text in announced(page, "status"))
    context.close()


def test_the_access_passport_announces_it_was_saved(browser, live_server, people, journey):
    context, page = open_as(browser, live_server, people["coproducer"], "/you/access/edit/")
    check(page, "passport-edit")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/you/access/")
    assert announced(page, "status"), "saving the passport announces nothing"
    context.close()


def test_a_claim_form_with_an_error_announces_it(browser, live_server, people, journey):
    claim = journey["draft"]
    context, page = open_as(
        browser, live_server, people["coproducer"], f"/claims/{claim.pk}/expenses/new/"
    )
    page.get_by_role("button", name="Add the expense").click()
    page.wait_for_load_state()
    assert any("There is a problem" in text for text in announced(page, "alert"))
    check(page, "claim-expense-error")
    context.close()


def test_sending_a_claim_announces_it_was_sent(browser, live_server, people, journey):
    claim = journey["draft"]
    context, page = open_as(browser, live_server, people["coproducer"], claim.get_absolute_url())
    check(page, "claim")
    page.get_by_role("button", name="Send the claim").click()
    page.wait_for_load_state()
    assert any("Claim sent" in text for text in announced(page, "status"))
    context.close()


def test_the_claims_waiting_for_approval(browser, live_server, people, journey):
    context, page = open_as(browser, live_server, people["lead"], "/payments/?status=submitted")
    check(page, "claim-queue")
    context.close()


def test_recording_attendance(browser, live_server, people, journey):
    past = journey["past"]
    context, page = open_as(
        browser, live_server, people["staff"], f"/meetings/{past.pk}/attendance/"
    )
    check(page, "attendance")
    context.close()


def test_a_decision_put_to_the_team(browser, live_server, people, journey):
    decision, project = journey["decision"], journey["project"]
    context, page = open_as(
        browser,
        live_server,
        people["coproducer"],
        f"/projects/{project.pk}/decisions/{decision.pk}/",
    )
    check(page, "decision")
    context.close()


def test_the_dashboard(browser, live_server, people, journey):
    context, page = open_as(browser, live_server, people["board"], "/dashboard/")
    check(page, "dashboard")
    context.close()


def test_the_session_time_out_warning_is_announced(browser, live_server, people, settings):
    """With JavaScript (the warning only exists with it): when the warning appears, focus
    moves to its button, whose name and description say what is happening and what to
    do, inside a region named by the warning's title."""
    # The warning comes 4 seconds into a 30-second session, leaving 26 seconds to read
    # the accessibility tree and press the button before it ends: with 2 seconds to
    # spare, a slow machine saw the session end first and the button refused.
    settings.SESSION_COOKIE_AGE = 30
    settings.COPRODUCE_SESSION_WARNING_SECONDS = 26
    context, page = open_as(browser, live_server, people["staff"], "/home/")
    page.locator("[data-session-warning]").wait_for(state="visible", timeout=8000)
    warning_is_announced(page)
    # Staying signed in says so, and the next warning is announced the same way.
    page.keyboard.press("Enter")
    page.locator("[data-session-warning]").wait_for(state="hidden", timeout=4000)
    assert any("still signed in" in text for text in announced(page, "status"))
    page.locator("[data-session-warning]").wait_for(state="visible", timeout=8000)
    warning_is_announced(page)
    context.close()


def warning_is_announced(page):
    tree = Tree(page)
    [focused] = [
        node
        for node in tree.nodes.values()
        if tree.prop(node, "focused") and tree.role(node) != "RootWebArea"
    ]
    assert tree.role(focused) == "button" and tree.name(focused) == "Stay signed in"
    assert "You have not done anything for a while" in tree.description(focused)
    regions = [up for up in tree.ancestors(focused) if tree.role(up) == "region"]
    assert regions and tree.name(regions[0]) == "You will be signed out soon"
