from datetime import date, timedelta

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
    open_decision = actions.open_decision(
        project=project,
        opened_by=people["staff"],
        what="Papers go out two weeks before each meeting.",
        why="One week is not enough to get them in Braille.",
        closes_on=date.today() + timedelta(days=14),
    )
    return {
        "project": project,
        "decision": decision,
        "open_decision": open_decision,
        "feedback": item,
        "member": member,
    }


def open_decision(f):
    return {"pk": f["project"].pk, "decision_pk": f["open_decision"].pk}


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
    "projects:decision_detail": only(*RUNS_PROJECTS, "coproducer", kwargs=open_decision),
    # Members only: the lead, staff and administrator roles are not on this team.
    "projects:decision_position": only("staff", "coproducer", kwargs=open_decision),
    "projects:decision_on_behalf": only(*RUNS_PROJECTS, kwargs=open_decision),
    "projects:decision_meeting_positions": only(*RUNS_PROJECTS, kwargs=open_decision),
    "projects:decision_close": only(
        *RUNS_PROJECTS, status=POST_ONLY, crawl=False, kwargs=open_decision
    ),
    "projects:feedback_create": only(*RUNS_PROJECTS, "coproducer", kwargs=project),
    "projects:feedback_answer": only(
        *RUNS_PROJECTS, kwargs=lambda f: {"pk": f["project"].pk, "item_pk": f["feedback"].pk}
    ),
    "projects:you_said_we_did": only(*RUNS_PROJECTS, "coproducer", kwargs=project),
}
