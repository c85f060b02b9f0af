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
    return {"opportunity": opportunity, "application": application}


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
