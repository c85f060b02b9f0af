from coproduce.tests.authorisation import POST_ONLY, only, signed_in

SETS_POLICY = ("administrator", "lead")
CLAIMS = ("administrator", "lead", "staff", "coproducer")
OVERSEES = ("administrator", "lead", "finance")


def sample_objects(people):
    import datetime

    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.payments import actions
    from coproduce.payments.tests.factories import (
        make_activity_type,
        make_claim,
        make_expense_type,
        receipt_file,
    )
    from coproduce.people import actions as people_actions
    from coproduce.projects.actions import add_team_member
    from coproduce.projects.tests.factories import make_project

    activity_type = make_activity_type(by=people["lead"])
    expense_type = make_expense_type(by=people["lead"])
    coproducer = people["coproducer"]
    draft = make_claim(claimant=coproducer, days_ago=1)
    item = actions.add_expense(
        claim=draft,
        expense_type=expense_type,
        description="Taxi",
        amount_pence=1500,
        receipt=receipt_file(),
        receipt_type="image/png",
    )
    sent = make_claim(claimant=coproducer, days_ago=2)
    actions.submit(claim=sent, by=coproducer)
    paid = make_claim(claimant=coproducer, days_ago=3)
    actions.submit(claim=paid, by=coproducer)
    actions.approve(claim=paid, by=people["lead"])
    batch = actions.create_batch(claims=[paid], by=people["finance"])
    project = make_project(lead=people["lead"], title="Budgeted project")
    add_team_member(project=project, person=people["staff"], kind="staff", role="Organiser")
    # The co-producer may help Pat with claims; Jo has withdrawn that.
    helping = {}
    for name in ("Pat", "Jo"):
        person = UserFactory(email=f"{name.lower()}.claims@example.org", name=f"{name} Claims")
        helping[name] = people_actions.grant_authority(
            person=person, email=coproducer.email, powers=["help_with_claims"]
        )
    people_actions.withdraw_authority(person=helping["Jo"].person, authority_pk=helping["Jo"].pk)
    advances = {}
    for state in ("requested", "approved", "paid", "reconciled"):
        advance = actions.request_advance(
            person=coproducer,
            expense_type=expense_type,
            description=f"Train fare ({state})",
            amount_pence=2350,
            needed_on=datetime.date.today() + datetime.timedelta(days=3),
        )
        if state != "requested":
            actions.approve_advance(advance=advance, by=people["lead"])
        if state in ("paid", "reconciled"):
            actions.pay_advance(advance=advance, by=people["finance"])
        if state == "reconciled":
            advance = actions.reconcile_advance(
                advance=advance,
                by=coproducer,
                spent_pence=2350,
                receipt=receipt_file(),
                receipt_type="image/png",
            )
        advances[f"advance_{state}"] = advance
    return {
        **advances,
        "claims_authority": helping["Pat"],
        "claims_authority_withdrawn": helping["Jo"],
        "activity_type": activity_type,
        "expense_type": expense_type,
        "draft": draft,
        "item": item,
        "sent": sent,
        "batch": batch,
        "budget_project": project,
        **{f"{name}_budget_project": _co_led(people, name) for name in ("co_led", "left_co_led")},
    }


def _co_led(people, name):
    """A project the sample co-producer co-leads (or co-led, and left today)."""
    from coproduce.projects.actions import add_team_member, end_team_membership
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], title=f"Budget {name}")
    member = add_team_member(
        project=project,
        person=people["coproducer"],
        kind="coproducer",
        role="Co-lead",
        co_lead=True,
    )
    if name.startswith("left"):
        end_team_membership(member=member)
    return project


def draft(f):
    return {"pk": f["draft"].pk}


def sent(f):
    return {"pk": f["sent"].pk}


def item(f):
    return {"pk": f["draft"].pk, "item_pk": f["item"].pk}


def batch(f):
    return {"pk": f["batch"].pk}


def advance(state):
    return lambda f: {"pk": f[f"advance_{state}"].pk}


def coproducers_statements(f):
    return {"person_pk": f["draft"].claimant_id}


def coproducers_statement(f):
    return {"person_pk": f["draft"].claimant_id, "year": f["draft"].activity_date.year - 1}


ROWS = {
    "payments:policy": signed_in(),
    "payments:rates": only(*SETS_POLICY),
    "payments:activity_type_new": only(*SETS_POLICY),
    "payments:activity_type_edit": only(
        *SETS_POLICY, kwargs=lambda f: {"pk": f["activity_type"].pk}
    ),
    "payments:expense_type_new": only(*SETS_POLICY),
    "payments:expense_type_edit": only(*SETS_POLICY, kwargs=lambda f: {"pk": f["expense_type"].pk}),
    "payments:my_claims": only(*CLAIMS),
    "payments:claim_new": only(*CLAIMS),
    # Only the supporter the person let help with claims (decision 0034).
    "payments:claim_for": only(
        "coproducer", kwargs=lambda f: {"authority_pk": f["claims_authority"].pk}
    ),
    "payments:claim_detail": only("coproducer", *OVERSEES, kwargs=sent),
    "payments:claim_edit": only("coproducer", kwargs=draft),
    "payments:expense_new": only("coproducer", kwargs=draft),
    "payments:expense_remove": only("coproducer", status=POST_ONLY, crawl=False, kwargs=item),
    "payments:receipt": only("coproducer", *OVERSEES, crawl=False, kwargs=item),
    "payments:claim_submit": only("coproducer", status=POST_ONLY, crawl=False, kwargs=draft),
    "payments:claim_approve": only(*SETS_POLICY, status=POST_ONLY, crawl=False, kwargs=sent),
    "payments:claim_return": only(*SETS_POLICY, kwargs=sent),
    "payments:claim_list": only(*OVERSEES),
    "payments:finance_queue": only("finance"),
    "payments:batch_detail": only("finance", kwargs=batch),
    "payments:batch_csv": only("finance", crawl=False, kwargs=batch),
    "payments:batch_xlsx": only("finance", crawl=False, kwargs=batch),
    "payments:batch_paid": only("finance", status=POST_ONLY, crawl=False, kwargs=batch),
    "payments:bank_details": only("coproducer"),
    "payments:recognition": only("coproducer"),
    "payments:certificate": only("coproducer", crawl=False),
    "payments:budget": only(*OVERSEES, "staff", kwargs=lambda f: {"pk": f["budget_project"].pk}),
    "payments:my_advances": only("coproducer"),
    "payments:advance_new": only("coproducer"),
    "payments:advance_list": only(*OVERSEES),
    "payments:advance_detail": only("coproducer", *OVERSEES, kwargs=advance("requested")),
    "payments:advance_approve": only(
        *SETS_POLICY, status=POST_ONLY, crawl=False, kwargs=advance("requested")
    ),
    "payments:advance_refuse": only(*SETS_POLICY, kwargs=advance("requested")),
    "payments:advance_paid": only(
        "finance", status=POST_ONLY, crawl=False, kwargs=advance("approved")
    ),
    "payments:advance_reconcile": only("coproducer", kwargs=advance("paid")),
    "payments:advance_receipt": only(
        "coproducer", *OVERSEES, crawl=False, kwargs=advance("reconciled")
    ),
    # Limits and anyone's wish to be warned: finance and the lead only (decision 0042).
    "payments:payment_limits": only("finance", "lead"),
    "payments:protection": only("coproducer"),
    "payments:claim_limit": only("coproducer", kwargs=draft),
    # A yearly statement: its person (the sample co-producer) and finance only.
    "payments:statements": only("coproducer", "finance", kwargs=coproducers_statements),
    "payments:statement_pdf": only(
        "coproducer", "finance", crawl=False, kwargs=coproducers_statement
    ),
    "payments:statement_csv": only(
        "coproducer", "finance", crawl=False, kwargs=coproducers_statement
    ),
}


# The involvement budget is shown to a co-producer who co-leads the project, as to its
# staff lead; after leaving the team, at once, it is not.
CASES = {
    "payments:budget": [
        only(*OVERSEES, "staff", "coproducer", notes="The co-producer co-leads it.",
             kwargs=lambda f: {"pk": f["co_led_budget_project"].pk}),
        only(*OVERSEES, "staff", notes="The co-producer co-led it and left today.",
             kwargs=lambda f: {"pk": f["left_co_led_budget_project"].pk}),
    ],
    "payments:claim_for": [
        only(
            kwargs=lambda f: {"authority_pk": f["claims_authority_withdrawn"].pk},
            notes="Withdrawn: refused at once, to the supporter too.",
        )
    ],
    # Someone else's statements: finance only, never another co-producer or the lead.
    "payments:statements": [
        only("finance", notes="Pat's statements, not the co-producer's own.",
             kwargs=lambda f: {"person_pk": f["claims_authority"].person_id}),
    ],
    "payments:statement_pdf": [
        only("finance", crawl=False, notes="Pat's statement, not the co-producer's own.",
             kwargs=lambda f: {"person_pk": f["claims_authority"].person_id, "year": 2025}),
    ],
    # Only a paid advance waits for its receipt.
    "payments:advance_reconcile": [
        only(notes="Not paid yet: nothing to square.", kwargs=advance("approved")),
    ],
    # A sent claim can no longer be changed, so nothing is chosen at the limit.
    "payments:claim_limit": [
        only(notes="Sent: too late to choose.", kwargs=sent),
    ],
}  # fmt: skip
