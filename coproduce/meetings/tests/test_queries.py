"""The meeting page makes the same number of queries for 5 or 500 people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions
from coproduce.meetings.tests.factories import make_meeting, pdf
from coproduce.people import actions as people_actions

pytestmark = pytest.mark.django_db
REQUIREMENTS = [["bsl"], ["easy_read", "quiet_room"], [], ["captions", "breaks"]]


def meeting_with(people, count):
    meeting = make_meeting(organiser=people["staff"], title=f"Meeting of {count}")
    crowd = [UserFactory(roles=["coproducer"]) for _ in range(count)]
    for number, person in enumerate(crowd):
        people_actions.save_passport(
            person=person,
            changed_by=person,
            requirements=REQUIREMENTS[number % len(REQUIREMENTS)],
            own_words="",
            dietary="Vegan" if number % 3 == 0 else "",
            other_arrangements="",
            sharing="arrangements" if number % 5 else "none",
        )
    actions.invite(meeting=meeting, people=crowd, invited_by=people["staff"])
    meeting.invitations.update(reply="yes")
    material = actions.add_material(
        meeting=meeting,
        kind="agenda",
        title="Agenda",
        sent_on=meeting.papers_due_on,
        upload=pdf(),
        content_type="application/pdf",
        uploaded_by=people["staff"],
    )
    actions.add_format(
        material=material, format="bsl", sent_on=meeting.papers_due_on, link="https://v.example.org"
    )
    return meeting


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["staff", "coproducer"])
def test_meeting_page_queries_do_not_grow_with_attendees(people, client_as, role):
    small, large = meeting_with(people, 5), meeting_with(people, 500)
    for meeting in (small, large):
        actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    client = client_as(role)
    for url in (small.get_absolute_url(), large.get_absolute_url()):
        queries(client, url)  # the first visit creates the checklist
    assert queries(client, small.get_absolute_url()) == queries(client, large.get_absolute_url())
