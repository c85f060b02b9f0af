from coproduce.tests.authorisation import POST_ONLY, only, signed_in

RUNS_PROJECTS = ("administrator", "lead", "staff")


def sample_objects(people):
    from coproduce.projects import actions
    from coproduce.projects.models import Feedback
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    decision = actions.record_decision(
        project=project,
        recorded_by=people["coproducer"],
        present=[people["coproducer"], people["staff"]],
        proposed=True,
        what="Meetings move to Tuesday afternoons.",
        why="Mornings are hard for people who need support to get ready.",
    )
    item = actions.record_feedback(
        project=project,
        recorded_by=people["staff"],
        said_by=[people["coproducer"]],
        said="The venue's lift was broken, so I could not get to the second floor.",
        source=Feedback.Source.MEETING,
    )
    member = project.team.get(person=people["coproducer"])
    return {"project": project, "decision": decision, "feedback": item, "member": member}


def project(f):
    return {"pk": f["project"].pk}


ROWS = {
    "projects:project_list": only(*RUNS_PROJECTS, "coproducer"),
    "projects:project_create": only("lead", "staff"),
    "projects:ladder": signed_in(),
    "projects:project_detail": only(*RUNS_PROJECTS, "coproducer", kwargs=project),
    "projects:project_edit": only(*RUNS_PROJECTS, kwargs=project),
    "projects:project_activity": only(*RUNS_PROJECTS, "coproducer", kwargs=project),
    "projects:declare_rung": only(*RUNS_PROJECTS, kwargs=project),
    "projects:stages": only(*RUNS_PROJECTS, kwargs=project),
    "projects:team": only(*RUNS_PROJECTS, kwargs=project),
    "projects:team_member_leave": only(
        *RUNS_PROJECTS,
        status=POST_ONLY,
        crawl=False,
        kwargs=lambda f: {"pk": f["project"].pk, "member_pk": f["member"].pk},
    ),
    "projects:decision_create": only(*RUNS_PROJECTS, kwargs=project),
    "projects:decision_propose": only("coproducer", kwargs=project),
    "projects:decision_confirm": only(
        *RUNS_PROJECTS, kwargs=lambda f: {"pk": f["project"].pk, "decision_pk": f["decision"].pk}
    ),
    "projects:decision_add_view": only(
        *RUNS_PROJECTS,
        "coproducer",
        kwargs=lambda f: {"pk": f["project"].pk, "decision_pk": f["decision"].pk},
    ),
    "projects:feedback_create": only(*RUNS_PROJECTS, "coproducer", kwargs=project),
    "projects:feedback_answer": only(
        *RUNS_PROJECTS, kwargs=lambda f: {"pk": f["project"].pk, "item_pk": f["feedback"].pk}
    ),
    "projects:you_said_we_did": only(*RUNS_PROJECTS, "coproducer", kwargs=project),
}
