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
        **_co_led(people, "co_led"),
        **_co_led(people, "left_co_led", left=True),
    }


def _co_led(people, name, left=False):
    """A project the sample co-producer co-leads (or co-led, and left today), with a
    suggested decision and something said to answer: the co-lead rows below use it."""
    from coproduce.projects import actions
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], title=f"Project {name}")
    member = actions.add_team_member(
        project=project,
        person=people["coproducer"],
        kind="coproducer",
        role="Co-lead",
        co_lead=True,
    )
    decision = actions.record_decision(
        project=project,
        recorded_by=people["coproducer"],
        present=[people["coproducer"]],
        proposed=True,
        what="Papers go out a week before.",
        why="People need time to read them.",
    )
    item = actions.record_feedback(
        project=project,
        recorded_by=people["staff"],
        said_by=[people["coproducer"]],
        said="Please send papers earlier.",
    )
    if left:
        actions.end_team_membership(member=member)
    return {
        f"{name}_project": project,
        f"{name}_member": project.team.get(person=people["staff"]),
        f"{name}_decision": decision,
        f"{name}_feedback": item,
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


def _lead_pages(name):
    """URL name -> kwargs for the pages of the project `name` where its lead has power."""

    def of(**more):
        return lambda f: {
            "pk": f[f"{name}_project"].pk,
            **{kwarg: f[f"{name}_{key}"].pk for kwarg, key in more.items()},
        }

    return {
        "projects:project_edit": of(),
        "projects:declare_rung": of(),
        "projects:stages": of(),
        "projects:team": of(),
        "projects:decision_create": of(),
        "projects:decision_confirm": of(decision_pk="decision"),
        "projects:feedback_answer": of(item_pk="feedback"),
    }


# A co-producer who co-leads a project has its lead's powers over it (the same pages
# as RUNS_PROJECTS); once they leave the team, at once, they have none of them, and
# cannot even open a project shared only with its team.
CASES = {
    **{
        url: [
            only(*RUNS_PROJECTS, "coproducer", kwargs=kwargs, notes="The co-producer co-leads it."),
        ]
        for url, kwargs in _lead_pages("co_led").items()
    },
}
for url, kwargs in _lead_pages("left_co_led").items():
    CASES[url].append(
        only(*RUNS_PROJECTS, kwargs=kwargs, notes="The co-producer co-led it and left today.")
    )
CASES["projects:team_member_leave"] = [
    only(
        *RUNS_PROJECTS,
        "coproducer",
        status=POST_ONLY,
        crawl=False,
        kwargs=lambda f: {"pk": f["co_led_project"].pk, "member_pk": f["co_led_member"].pk},
        notes="A co-lead changes the team, the staff lead included.",
    ),
    only(
        *RUNS_PROJECTS,
        status=POST_ONLY,
        crawl=False,
        kwargs=lambda f: {
            "pk": f["left_co_led_project"].pk,
            "member_pk": f["left_co_led_member"].pk,
        },
        notes="Not after leaving.",
    ),
]
CASES["projects:project_detail"] = [
    only(*RUNS_PROJECTS, kwargs=lambda f: {"pk": f["left_co_led_project"].pk},
         notes="Shared with its team only: not after leaving."),
]  # fmt: skip
