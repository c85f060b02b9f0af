from coproduce.projects.models import Rung


def make_project(*, lead, coproducers=(), rung=5, **fields):
    """A project as the app makes it: default stages, first declaration, lead on the team."""
    from coproduce.projects import actions
    from coproduce.projects.ladder import load_default_rungs
    from coproduce.projects.models import TeamMember

    load_default_rungs(Rung)  # transactional tests flush the migration's rows

    defaults = {
        "title": "Better day services",
        "purpose": "To make day services work for the people who use them.",
        "summary": "We are changing day services together with the people who use them.",
        "lead": lead,
    }
    project = actions.create_project(
        created_by=lead,
        rung=Rung.objects.get(number=rung),
        reason="Co-producers give their views at every meeting.",
        **{**defaults, **fields},
    )
    for person in coproducers:
        actions.add_team_member(
            project=project, person=person, kind=TeamMember.Kind.COPRODUCER, role="Member"
        )
    return project


def make_co_lead(project, person, role="Co-lead"):
    """`person` (a co-producer) joins `project`'s team as a co-lead."""
    from coproduce.projects import actions
    from coproduce.projects.models import TeamMember

    return actions.add_team_member(
        project=project, person=person, kind=TeamMember.Kind.COPRODUCER, role=role, co_lead=True
    )
