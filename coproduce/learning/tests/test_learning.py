from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.learning import actions
from coproduce.learning.figures import staff_trained
from coproduce.learning.models import Completion, Module
from coproduce.lib.figures import Period

pytestmark = pytest.mark.django_db


def make_module(lead, **fields):
    defaults = {
        "title": "What co-production means",
        "description": "Equal partnership, from the start.",
        "content": "Read this.",
        "required_for": ["lead", "staff"],
        "created_by": lead,
    }
    return Module.objects.create(**{**defaults, **fields})


def test_lead_adds_a_module_which_needs_a_link_or_content(client_as, people):
    client = client_as("lead")
    url = reverse("learning:module_create")
    data = {
        "title": "Paying people fairly",
        "description": "Why and how we pay.",
        "minutes": "20",
        "required_for": ["staff", "finance"],
        "active": "on",
    }
    response = client.post(url, data)
    assert "Give a link to the course, or write the content below." in response.content.decode()
    response = client.post(url, {**data, "link": "not a link"})
    assert response.status_code == 200 and not Module.objects.exists()
    response = client.post(url, {**data, "link": "https://example.org/course"})
    module = Module.objects.get()
    assert response["Location"] == module.get_absolute_url()
    assert module.required_for == ["staff", "finance"] and module.created_by == people["lead"]


def test_staff_mark_their_own_completion_with_a_reflection(client_as, people):
    module = make_module(people["lead"])
    client = client_as("staff")
    url = module.get_absolute_url()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(url, {"completed_on": tomorrow, "reflection": ""})
    assert "must be today or earlier" in response.content.decode()
    today = timezone.localdate().isoformat()
    response = client.post(url, {"completed_on": today, "reflection": "Ask before assuming."})
    assert response.status_code == 302
    done = Completion.objects.get()
    assert (done.person, done.recorded_by) == (people["staff"], people["staff"])
    assert done.reflection == "Ask before assuming."
    # Marking again corrects the record rather than adding another.
    client.post(url, {"completed_on": today, "reflection": "Ask first."})
    assert Completion.objects.get().reflection == "Ask first."
    page = client.get(reverse("learning:module_list")).content.decode()
    assert "Done</strong>" in page


def test_lead_sees_share_trained_and_who_is_overdue(client_as, people):
    module = make_module(people["lead"], complete_by=timezone.localdate() - timedelta(days=3))
    actions.record_completion(
        module=module,
        person=people["staff"],
        completed_on=timezone.localdate(),
        reflection="Useful",
        recorded_by=people["staff"],
    )
    page = client_as("lead").get(reverse("learning:module_progress", args=[module.pk]))
    body = page.content.decode()
    # Required: the lead, the staff member and the person who is staff and co-producer.
    assert "1 of 3 people who must take it have done it (33%)" in body
    assert body.count("Overdue</strong>") == 2 and "Useful" in body
    # Staff see their own status, not others'.
    staff_page = client_as("coproducer_staff").get(reverse("learning:module_list")).content
    assert b"Overdue</strong>" in staff_page and b"Who has done it" not in staff_page


def test_the_figure_hides_shares_from_too_few_people_and_queries_stay_constant(
    people, django_assert_num_queries
):
    period = Period(timezone.localdate() - timedelta(days=30), timezone.localdate())
    module = make_module(people["lead"])
    figure = staff_trained(period, None)
    assert figure.rows[0].value is None and figure.value is None  # 3 people: too few
    for _ in range(10):
        person = UserFactory(roles=["staff"])
        actions.record_completion(
            module=module,
            person=person,
            completed_on=timezone.localdate(),
            reflection="",
            recorded_by=person,
        )
    for _ in range(5):
        UserFactory(roles=["staff"])
    make_module(people["lead"], title="Second module", required_for=["finance"])
    # The modules, then two counts for each different set of roles (here two sets),
    # however many people and completions there are.
    with django_assert_num_queries(5):
        figure = staff_trained(period, None)
    # By title: the second module has 1 person (hidden); 10 of 18 did the first.
    assert [row.value for row in figure.rows] == [None, 56]
    # Completions after the period's end do not count.
    earlier = Period(
        timezone.localdate() - timedelta(days=60), timezone.localdate() - timedelta(days=31)
    )
    assert staff_trained(earlier, None).rows[1].value == 0
