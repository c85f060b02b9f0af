"""The round in a real browser with JavaScript switched off: a co-producer
saves part-way, comes back, sends; the lead sees the gap and raises an action; a
co-producer sees the results and co-owns an action raised from them."""

import pytest
from playwright.sync_api import expect

from coproduce.accounts.tests.factories import UserFactory
from coproduce.assessment import actions
from coproduce.assessment.models import Action, ActionComment, Framework, Statement
from coproduce.assessment.tests.factories import COPRODUCER, STAFF, answer_all, open_round
from coproduce.tests.browser import session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_js_context(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


def test_a_round_from_answers_to_action_without_javascript(no_js_context, live_server, people):
    from coproduce.assessment.defaults import load_scie

    load_scie(Framework, Statement)  # transactional tests flush the migration's rows
    round_ = open_round(lead=people["lead"], title="Spring round")
    for _ in range(5):
        answer_all(round_, UserFactory(roles=["staff"]), STAFF, 4)
    for _ in range(4):
        answer_all(round_, UserFactory(roles=["coproducer"]), COPRODUCER, 2)

    context = no_js_context
    context.add_cookies([session_cookie(people["coproducer"], live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/assessment/")
    page.get_by_role("link", name="Answer Spring round").click()
    expect(page.locator("h1")).to_contain_text("Your view as a co-producer")
    first = round_.framework.statements.first()
    page.get_by_role("group", name=f"1. {first.text}").get_by_label("2 – Planning to start").check()
    page.get_by_label("Comment on statement 1 (optional)", exact=True).fill(
        "Nobody asked us at the start."
    )
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your answers are saved"
    )
    page.get_by_role("link", name="Change Spring round").click()
    expect(page.get_by_label("Comment on statement 1 (optional)", exact=True)).to_have_value(
        "Nobody asked us at the start."
    )
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a score for statement 2")
    for number in range(2, round_.framework.statements.count() + 1):
        page.locator(f"fieldset:has(legend:text-matches('^{number}\\\\. '))").get_by_label(
            "2 – Planning to start"
        ).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Thank you. Your answers are in."
    )

    context.clear_cookies()
    context.add_cookies([session_cookie(people["lead"], live_server.url)])
    page.goto(live_server.url + round_.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Results: Spring round")
    expect(page.locator("main")).to_contain_text("Co-producers scored 2.0 lower than staff.")
    expect(page.locator("main")).to_contain_text("Nobody asked us at the start.")
    page.get_by_role("link", name="Raise an action on culture").click()
    expect(page.locator("h1")).to_have_text("Add an action")
    page.get_by_label("What we will do").fill("Involve co-producers before plans are drawn up.")
    page.get_by_label("Owner").select_option(label=str(people["staff"]))
    page.get_by_label("Due date").fill("2099-01-31")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Action added to the plan."
    )
    action = Action.objects.get()
    assert (action.area, action.round, action.owner) == ("culture", round_, people["staff"])


def test_a_coproducer_sees_the_results_and_co_owns_an_action_without_javascript(
    no_js_context, live_server, people
):
    """Issue 16: the co-producer who answered sees the results (suppressed as for the
    lead), opens an action raised from them, co-owns it, records progress and comments."""
    from coproduce.assessment.defaults import load_scie

    load_scie(Framework, Statement)  # transactional tests flush the migration's rows
    round_ = open_round(lead=people["lead"], title="Spring round")
    for _ in range(5):
        answer_all(round_, UserFactory(roles=["staff"]), STAFF, 4, comment="A staff view.")
    for _ in range(4):
        answer_all(round_, UserFactory(roles=["coproducer"]), COPRODUCER, 2)
    answer_all(round_, people["coproducer"], COPRODUCER, 2)
    action = actions.raise_action(
        created_by=people["lead"],
        round=round_,
        area="culture",
        what="Involve co-producers before plans are drawn up.",
        owner=people["staff"],
        due_on=round_.closes_on,
    )

    context = no_js_context
    context.add_cookies([session_cookie(people["coproducer"], live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/assessment/")
    page.get_by_role("link", name="See the results of Spring round").click()
    expect(page.locator("h1")).to_have_text("Results: Spring round")
    main = page.locator("main")
    expect(main).to_contain_text("Sent by 5 staff and 5 co-producers.")
    expect(main).to_contain_text("Co-producers scored 2.0 lower than staff.")
    expect(main).not_to_contain_text("A staff view.")  # people's comments stay with the lead
    expect(page.get_by_role("link", name="Raise an action on culture")).to_have_count(0)

    page.get_by_role("link", name="Involve co-producers before plans are drawn up.").click()
    expect(page.locator("h1")).to_contain_text("Involve co-producers")
    expect(page.get_by_role("heading", name="Record progress")).to_have_count(0)
    page.get_by_role("button", name="Co-own this action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "You co-own this action now."
    )
    expect(main).to_contain_text("Test coproducer (you)")

    page.get_by_label("In progress").check()
    page.get_by_label("What has happened").fill("Asked our group which plans come next.")
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Progress recorded."
    )
    expect(main).to_contain_text("Asked our group which plans come next.")

    page.get_by_role("button", name="Add comment").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write your comment.")
    page.get_by_role("link", name="Write your comment.").click()
    page.get_by_label("Your comment").fill("Can we meet <before> the next plan?")
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator("#comments ~ ol")).to_contain_text("Can we meet <before> the next plan?")

    action.refresh_from_db()
    assert action.status == "in_progress"
    assert list(action.co_owners.values_list("person", flat=True)) == [people["coproducer"].pk]
    assert ActionComment.objects.get().author == people["coproducer"]
