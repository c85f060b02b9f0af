"""Every key list and detail page makes the same number of queries with a handful of
records as with the benchmark's generated organisation (people with tags, passports and
equality answers; projects with teams, decisions and feedback; opportunities with
applications), and as the pages' own objects grow a hundredfold: a project with 2 and
200 decisions, a meeting with 5 and 500 invitees (and their access arrangements), a
person with 1 and 500 claims (issue 15). New apps add their pages here or call the same
helper."""

import random
from itertools import cycle

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.assessment.models import Framework, Perspective
from coproduce.assessment.tests.factories import answer_all, open_round
from coproduce.bench import dataset
from coproduce.meetings import checklist
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.opportunities.models import Application, Opportunity
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.payments import actions as payment_actions
from coproduce.payments.models import Claim, ExpenseItem, ExpenseRule
from coproduce.payments.tests.factories import make_claim
from coproduce.people import bench as people_bench
from coproduce.projects.models import Decision, Feedback, Project, TeamMember
from coproduce.projects.tests.factories import make_project
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

SCALE = 0.01  # 200 people, 20 projects, 10 opportunities each time: enough to expose an N+1


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def quiet(message):
    pass


def coproducers(count, rng, *outside):
    """`count` co-producers matching none of `outside` (queryset filters), with the generated
    people's profiles, tags, passports and equality answers: more are generated when
    the organisation has too few."""

    def found():
        people = User.objects.filter(role_assignments__role="coproducer")
        for each in outside:
            people = people.exclude(**each)
        return list(people.distinct().order_by("pk")[:count])

    people = found()
    if len(people) < count:
        # About 86 in 100 generated people are co-producers.
        people_bench.generate((count - len(people)) * 1.3 / 20_000, rng, log=quiet)
        people = found()
    assert len(people) == count
    return people


def grow(project, opportunity, coproducer, seed, around):
    """More of the generated organisation, and `around` more of everything on the pages'
    own objects (team, decisions with who was present, feedback, applications)."""
    rng = random.Random(seed)
    dataset.generate(SCALE, rng, log=quiet)
    others = coproducers(
        around + 5,
        rng,
        {"project_memberships__project": project},
        {"applications__opportunity": opportunity},
    )[:around]
    TeamMember.objects.bulk_create(
        TeamMember(project=project, person=person, kind="coproducer", role="Member")
        for person in others
    )
    for n in range(around // 2):
        decision = Decision.objects.create(
            project=project, what=f"Decision {n}", why="Because", recorded_by=project.lead
        )
        decision.present.set(others[n : n + 5] or others[:5])
        feedback = Feedback.objects.create(
            project=project, said=f"Said {n}", outcome="done", response="Did"
        )
        feedback.said_by.set(others[n : n + 2])
    Application.objects.bulk_create(
        Application(opportunity=opportunity, person=person) for person in others
    )
    Application.objects.bulk_create(
        Application(opportunity=other, person=coproducer)
        for other in Opportunity.objects.exclude(applications__person=coproducer)[: around // 3]
    )


def test_key_pages_make_the_same_queries_with_a_large_organisation(people):
    coproducer, staff = people["coproducer"], people["staff"]
    project = make_project(
        lead=people["lead"], coproducers=[coproducer], visibility=Project.Visibility.PUBLIC
    )
    opportunity = make_opportunity(created_by=staff, project=project)
    as_staff, as_coproducer = signed_in(staff), signed_in(coproducer)
    both = {
        "home": reverse("accounts:home"),
        "projects": reverse("projects:project_list"),
        "project": reverse("projects:project_detail", args=[project.pk]),
        "opportunities": reverse("opportunities:opportunity_list"),
        "opportunity": reverse("opportunities:opportunity_detail", args=[opportunity.pk]),
    }
    pages = {
        f"{who}: {label}": (client, url)
        for who, client in (("staff", as_staff), ("co-producer", as_coproducer))
        for label, url in both.items()
    }
    pages |= {
        "staff: people": (as_staff, reverse("people:person_list")),
        "staff: person": (as_staff, reverse("people:person_detail", args=[coproducer.pk])),
        "co-producer: applications": (as_coproducer, reverse("opportunities:my_applications")),
        "co-producer: profile": (as_coproducer, reverse("people:my_profile")),
    }
    # Small: a generated organisation of 200 people, every section of every page in use.
    grow(project, opportunity, coproducer, seed=1, around=4)
    assert project.decisions.count() == 2
    # Large: twice the organisation and a hundred times as much on each page's own objects.
    assert_queries_do_not_grow(
        pages, lambda: grow(project, opportunity, coproducer, seed=2, around=396)
    )
    assert User.objects.count() > 400
    assert TeamMember.objects.filter(project=project).count() > 400
    assert project.decisions.count() == 200


def grow_new_apps(meeting, claim, round_, coproducer, seed, around, claims):
    """The generated organisation (meetings, claims, rounds, learning included), and
    `around` more on the pages' own objects: people invited to and coming to the meeting
    with their access arrangements, expenses on the claim, answers in the round; and
    `claims` more of the co-producer's own claims."""
    rng = random.Random(seed)
    dataset.generate(SCALE, rng, log=quiet)
    others = coproducers(
        around, rng, {"meeting_invitations__meeting": meeting}, {"pk": coproducer.pk}
    )
    Invitation.objects.bulk_create(
        Invitation(meeting=meeting, person=person, reply=reply)
        for person, reply in zip(others, cycle(["yes", "no", "maybe", "none"]), strict=False)
    )
    # The checklist is up to date, as after any organiser's visit (its rebuild on a
    # stale visit writes one row per kind of need: see the checklist's own tests).
    checklist.sync(meeting, meeting.organiser)
    rule = ExpenseRule.objects.filter(expense_type__slug__startswith="bench-").first()
    ExpenseItem.objects.bulk_create(
        ExpenseItem(
            claim=claim,
            expense_type_id=rule.expense_type_id,
            rule=rule,
            description="Bus",
            amount_pence=300 + n,
        )
        for n in range(around // 3)
    )
    # The co-producer's claims are the page's own: only the one made here, and `claims`
    # (the generated ones they were given go to someone else).
    Claim.objects.filter(claimant=coproducer).exclude(pk=claim.pk).update(
        claimant=others[-1], entered_by=others[-1]
    )
    copies = list(Claim.objects.exclude(claimant=coproducer).order_by("pk")[:claims])
    assert len(copies) == claims
    for copy in copies:
        copy.pk, copy.claimant, copy.entered_by = None, coproducer, coproducer
    Claim.objects.bulk_create(copies)
    for person in others[: max(2, around // 8)]:
        answer_all(round_, person, Perspective.COPRODUCER, score=(person.pk % 5) + 1, comment="Ok")


def test_new_apps_pages_make_the_same_queries_with_a_large_organisation(people):
    """Meetings, claims and finance, self-assessment results, learning and the
    dashboard. Left out: the access checklist page rebuilds the checklist on every visit,
    writing once per kind of need, so its count follows how many kinds the people coming
    have (bounded by the kinds there are), not how many people."""
    coproducer, staff, lead = people["coproducer"], people["staff"], people["lead"]
    project = make_project(lead=lead, coproducers=[coproducer])
    meeting = make_meeting(organiser=staff, project=project, title="Steering group")
    Invitation.objects.create(meeting=meeting, person=coproducer, reply="yes")
    claim = make_claim(claimant=coproducer, project=project)
    payment_actions.submit(claim=claim, by=coproducer)
    payment_actions.approve(claim=claim, by=lead)
    round_ = open_round(lead=lead, framework=Framework.objects.order_by("pk").first())
    as_staff, as_coproducer = signed_in(staff), signed_in(coproducer)
    as_lead, as_finance = signed_in(lead), signed_in(people["finance"])
    meeting_url = reverse("meetings:meeting_detail", args=[meeting.pk])
    claim_url = reverse("payments:claim_detail", args=[claim.pk])
    pages = {
        "staff: meetings": (as_staff, reverse("meetings:meeting_list")),
        "staff: past meetings": (as_staff, reverse("meetings:meeting_list") + "?when=past"),
        "staff: meeting (organiser)": (as_staff, meeting_url),
        "staff: own claims": (as_staff, reverse("payments:my_claims")),
        "co-producer: meetings": (as_coproducer, reverse("meetings:meeting_list")),
        "co-producer: meeting (invited)": (as_coproducer, meeting_url),
        "co-producer: claims": (as_coproducer, reverse("payments:my_claims")),
        "co-producer: claim": (as_coproducer, claim_url),
        "co-producer: recognition": (as_coproducer, reverse("payments:recognition")),
        "lead: claims list": (as_lead, reverse("payments:claim_list")),
        "lead: claim": (as_lead, claim_url),
        "lead: assessment results": (as_lead, reverse("assessment:round_detail", args=[round_.pk])),
        "lead: learning": (as_lead, reverse("learning:module_list")),
        "lead: dashboard": (as_lead, reverse("insights:dashboard")),
        "finance: queue": (as_finance, reverse("payments:finance_queue")),
        "finance: involvement budget": (as_finance, reverse("budgets:year")),
    }
    # Small: 5 invited to the meeting, 1 claim of the co-producer's own.
    grow_new_apps(meeting, claim, round_, coproducer, seed=1, around=4, claims=0)
    assert meeting.invitations.count() == 5
    assert Claim.objects.filter(claimant=coproducer).count() == 1
    # The first visit works the dashboard's figures and the year's budget out and keeps
    # them (decisions 0031 and 0046); working the budget out again costs the same at any
    # size too (budgets/tests/test_budget.py).
    as_lead.get(reverse("insights:dashboard"))
    as_finance.get(reverse("budgets:year"))
    assert_queries_do_not_grow(
        pages,
        lambda: grow_new_apps(meeting, claim, round_, coproducer, seed=2, around=495, claims=499),
    )
    assert meeting.invitations.count() == 500
    assert meeting.arrangements.filter(needed_by__isnull=False).count() >= 5
    assert Claim.objects.filter(claimant=coproducer).count() == 500
