from coproduce.tests.authorisation import POST_ONLY, only

RUNS = ("administrator", "lead", "staff")


def sample_objects(people):
    from coproduce.opportunities import actions
    from coproduce.opportunities.tests.factories import make_opportunity

    opportunity = make_opportunity(created_by=people["staff"])
    application = actions.express_interest(
        opportunity=opportunity,
        person=people["coproducer"],
        answers="I use the buses every day with my wheelchair.",
    )
    return {
        "opportunity": opportunity,
        "application": application,
        **_co_led_opportunity(people, "co_led"),
        **_co_led_opportunity(people, "left_co_led", left=True),
    }


def _co_led_opportunity(people, name, left=False):
    """An opportunity for a project the sample co-producer co-leads (or co-led, and
    left today), with interest from someone else and from the co-lead themselves."""
    from coproduce.opportunities import actions
    from coproduce.opportunities.tests.factories import make_opportunity
    from coproduce.projects import actions as project_actions
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], title=f"Opportunities {name}")
    member = project_actions.add_team_member(
        project=project,
        person=people["coproducer"],
        kind="coproducer",
        role="Co-lead",
        co_lead=True,
    )
    if left:
        project_actions.end_team_membership(member=member)
    opportunity = make_opportunity(created_by=people["staff"], project=project)
    other = actions.express_interest(opportunity=opportunity, person=people["coproducer_staff"])
    own = actions.express_interest(opportunity=opportunity, person=people["coproducer"])
    return {
        f"{name}_opportunity": opportunity,
        f"{name}_application": other,
        f"{name}_own_application": own,
    }


def _deciding(name, key="application"):
    return lambda f: {"pk": f[f"{name}_opportunity"].pk, "application_pk": f[f"{name}_{key}"].pk}


def opportunity(f):
    return {"pk": f["opportunity"].pk}


ROWS = {
    "opportunities:opportunity_list": only(*RUNS, "coproducer"),
    "opportunities:opportunity_create": only(*RUNS),
    "opportunities:my_applications": only("coproducer"),
    "opportunities:opportunity_detail": only(*RUNS, "coproducer", kwargs=opportunity),
    "opportunities:opportunity_edit": only(*RUNS, kwargs=opportunity),
    "opportunities:withdraw": only("coproducer", status=POST_ONLY, crawl=False, kwargs=opportunity),
    "opportunities:applicants": only(*RUNS, kwargs=opportunity),
    "opportunities:decide": only(
        *RUNS,
        kwargs=lambda f: {"pk": f["opportunity"].pk, "application_pk": f["application"].pk},
    ),
}


# A co-producer who co-leads the opportunity's project chooses people for it (the read
# is logged, passports and equality answers stay hidden: see test_co_leads.py), but
# never decides about their own interest; after leaving the team, at once, nothing.
CASES = {
    "opportunities:applicants": [
        only(*RUNS, "coproducer", kwargs=lambda f: {"pk": f["co_led_opportunity"].pk},
             notes="They co-lead its project."),
        only(*RUNS, kwargs=lambda f: {"pk": f["left_co_led_opportunity"].pk},
             notes="Not after leaving."),
    ],
    "opportunities:decide": [
        only(*RUNS, "coproducer", kwargs=_deciding("co_led"), notes="Someone else's interest."),
        only(*RUNS, kwargs=_deciding("co_led", "own_application"), notes="Their own interest."),
        only(*RUNS, kwargs=_deciding("left_co_led"), notes="Not after leaving."),
    ],
}  # fmt: skip
