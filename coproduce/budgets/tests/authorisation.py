from coproduce.tests.authorisation import POST_ONLY, only

OVERSEES = ("administrator", "lead", "finance")


def sample_objects(people):
    from coproduce.budgets import actions
    from coproduce.projects.tests.factories import make_project

    # The staff member leads this project, so may cost it; the co-producer is not on it.
    project = make_project(lead=people["staff"], title="Costed project")
    estimate = actions.create_estimate(
        title="Costed work", purpose="", project=project, by=people["staff"]
    )
    return {"estimate": estimate}


def estimate(f):
    return {"pk": f["estimate"].pk}


def estimate_line(f):
    return {"pk": f["estimate"].pk, "kind": "support"}


ROWS = {
    "budgets:year": only(*OVERSEES),
    "budgets:year_csv": only(*OVERSEES, crawl=False),
    "budgets:year_xlsx": only(*OVERSEES, crawl=False),
    "budgets:line_new": only(*OVERSEES),
    "budgets:activity_new": only(*OVERSEES),
    "budgets:support_rates": only(*OVERSEES),
    # Anyone who runs a project today may cost it: in the shared fixtures the staff member
    # leads projects and the co-producer co-leads one (payments' sample objects).
    "budgets:estimates": only(*OVERSEES, "staff", "coproducer"),
    "budgets:estimate_new": only(*OVERSEES, "staff", "coproducer"),
    "budgets:estimate_detail": only(*OVERSEES, "staff", kwargs=estimate),
    "budgets:estimate_line_add": only(
        *OVERSEES, "staff", status=POST_ONLY, crawl=False, kwargs=estimate_line
    ),
    "budgets:estimate_line_remove": only(
        *OVERSEES, "staff", status=POST_ONLY, crawl=False,
        kwargs=lambda f: {"pk": f["estimate"].pk, "line_pk": 1},
    ),
    # Becoming a project's budget changes that budget: finance does not (payments.manage_budget).
    "budgets:estimate_adopt": only("administrator", "lead", "staff", kwargs=estimate),
}  # fmt: skip
