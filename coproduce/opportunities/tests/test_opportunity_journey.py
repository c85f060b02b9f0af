from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.opportunities import actions, fairness
from coproduce.opportunities.models import Application, Opportunity
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.projects.models import TeamMember
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def test_find_apply_be_chosen_and_join_the_team(
    client_as, people, django_capture_on_commit_callbacks
):
    project = make_project(lead=people["staff"])
    opportunity = make_opportunity(created_by=people["staff"], project=project)
    coproducer = client_as("coproducer")
    listing = coproducer.get(reverse("opportunities:opportunity_list"), {"q": "transport"})
    assert opportunity.title in listing.content.decode()
    coproducer.post(opportunity.get_absolute_url(), {"answers": "I need step-free access."})
    application = Application.objects.get(person=people["coproducer"])
    assert application.status == Application.Status.INTERESTED

    staff = client_as("staff")
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("opportunities:decide", args=[opportunity.pk, application.pk]),
            {"selected": "yes", "message": "See you on 3 March."},
        )
    application.refresh_from_db()
    assert application.status == Application.Status.SELECTED
    assert TeamMember.objects.filter(
        project=project, person=people["coproducer"], kind=TeamMember.Kind.COPRODUCER
    ).exists()
    assert mail.outbox[-1].to == [people["coproducer"].email]
    assert "See you on 3 March." in mail.outbox[-1].body
    page = client_as("coproducer").get(reverse("opportunities:my_applications")).content.decode()
    assert "Chosen" in page


def test_not_chosen_people_are_told_kindly(people, django_capture_on_commit_callbacks):
    opportunity = make_opportunity()
    application = actions.express_interest(opportunity=opportunity, person=people["coproducer"])
    with django_capture_on_commit_callbacks(execute=True):
        actions.decide(
            application=application, selected=False, message="", decided_by=people["staff"]
        )
    assert "This is not about you" in mail.outbox[-1].body


def test_withdraw_and_say_interested_again(client_as, people):
    opportunity = make_opportunity()
    client = client_as("coproducer")
    client.post(opportunity.get_absolute_url(), {"answers": ""})
    client.post(reverse("opportunities:withdraw", args=[opportunity.pk]))
    assert Application.objects.get().status == Application.Status.WITHDRAWN
    client.post(opportunity.get_absolute_url(), {"answers": "Changed my mind"})
    assert Application.objects.get().status == Application.Status.INTERESTED


def test_staff_record_interest_for_someone_with_a_reason(client_as, people):
    opportunity = make_opportunity()
    client = client_as("staff")
    response = client.post(
        reverse("opportunities:applicants", args=[opportunity.pk]),
        {"behalf-person": people["coproducer"].pk, "behalf-received": "phone", "behalf-reason": ""},
    )
    assert response.status_code == 200 and not Application.objects.exists()
    client.post(
        reverse("opportunities:applicants", args=[opportunity.pk]),
        {
            "behalf-person": people["coproducer"].pk,
            "behalf-received": "phone",
            "behalf-reason": "She phoned.",
        },
    )
    application = Application.objects.get()
    assert application.recorded_by == people["staff"]
    assert application.received == "phone"


def test_closed_and_draft_opportunities(client_as, people):
    draft = make_opportunity(status=Opportunity.Status.DRAFT, title="Draft one")
    past = make_opportunity(title="Past one")
    Opportunity.objects.filter(pk=past.pk).update(
        closing_on=timezone.localdate() - timedelta(days=1)
    )
    client = client_as("coproducer")
    listing = client.get(reverse("opportunities:opportunity_list")).content.decode()
    assert "Draft one" not in listing and "Past one" not in listing
    assert client.get(draft.get_absolute_url()).status_code == 403
    client.post(past.get_absolute_url(), {"answers": "Please"})
    assert not Application.objects.exists()


def test_fewest_recent_chances_come_first(people):
    often, never, long_ago = (UserFactory(roles=["coproducer"]) for _ in range(3))
    for _ in range(2):
        earlier = make_opportunity()
        application = actions.express_interest(opportunity=earlier, person=often)
        actions.decide(
            application=application, selected=True, message="", decided_by=people["staff"]
        )
    old = make_opportunity()
    application = actions.express_interest(opportunity=old, person=long_ago)
    actions.decide(application=application, selected=True, message="", decided_by=people["staff"])
    Application.objects.filter(pk=application.pk).update(
        decided_at=timezone.now() - timedelta(days=400)
    )
    opportunity = make_opportunity()
    for person in (often, long_ago, never):
        actions.express_interest(opportunity=opportunity, person=person)
    ordered = fairness.fairest_first(list(opportunity.applications.all()))
    assert [a.person for a in ordered] == [never, long_ago, often]
    assert [a.chosen_recently for a in ordered] == [0, 0, 2]


def test_organisers_see_arrangements_to_plan_for_and_the_read_is_logged(client_as, people):
    from coproduce.people import actions as people_actions
    from coproduce.privacy.models import ReadLog

    person = people["coproducer"]
    people_actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl"],
        own_words="I am Deaf",
        dietary="",
        other_arrangements="",
        sharing="arrangements",
        reason="",
    )
    people_actions.record_consent(
        person=person, recorded_by=person, purpose="share_access", given=True
    )
    opportunity = make_opportunity(created_by=people["staff"])  # staff choose people for it
    actions.express_interest(opportunity=opportunity, person=person)
    url = reverse("opportunities:applicants", args=[opportunity.pk])
    html = client_as("staff").get(url).content.decode()
    assert "BSL" in html and "I am Deaf" not in html  # arrangements, not their own words
    assert ReadLog.objects.filter(subject=person, viewer=people["staff"]).exists()
    for role in ("administrator", "lead"):  # the lead does not choose for this one
        assert (
            "Only those choosing people for this opportunity can see this"
            in client_as(role).get(url).content.decode()
        )


def test_the_lead_sees_reach_with_small_numbers_hidden_and_never_per_person(client_as, people):
    from coproduce.people import actions as people_actions

    opportunity = make_opportunity()
    for answer in ["asian"] * 6 + ["black"] * 7 + ["white"] * 2:  # 15 people
        person = UserFactory(roles=["coproducer"])
        people_actions.save_equality(person=person, data={"ethnicity": answer})
        actions.express_interest(opportunity=opportunity, person=person)
    url = reverse("opportunities:applicants", args=[opportunity.pk])
    html = client_as("lead").get(url).content.decode()
    assert "Who this opportunity reaches" in html
    # White (2) is hidden, and Asian (6) with it so White cannot be worked out.
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">7</td>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">6</td>' not in html
    assert "Too few to show" in html
    assert "Who this opportunity reaches" not in client_as("staff").get(url).content.decode()


def test_reach_waits_for_a_group_and_leaves_out_interest_recorded_for_someone(client_as, people):
    from coproduce.people import actions as people_actions

    opportunity = make_opportunity()
    for _ in range(9):
        person = UserFactory(roles=["coproducer"])
        people_actions.save_equality(person=person, data={"ethnicity": "asian"})
        actions.express_interest(opportunity=opportunity, person=person)
    recorded = UserFactory(roles=["coproducer"])
    people_actions.save_equality(person=recorded, data={"ethnicity": "white"})
    actions.express_interest(
        opportunity=opportunity, person=recorded, recorded_by=people["lead"], reason="Phoned"
    )
    url = reverse("opportunities:applicants", args=[opportunity.pk])
    html = client_as("lead").get(url).content.decode()
    assert "This shows once at least 10 people" in html  # 9 said so themselves
    assert "govuk-table__cell--numeric" not in html
