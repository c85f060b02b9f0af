"""A supporter who may see the person's meetings and papers downloads the papers of the
meetings the person is invited to, in every format the person gets; never another
meeting's papers, never after a withdrawal, and never the person's passport."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions
from coproduce.meetings.tests.factories import make_meeting, pdf
from coproduce.people import actions as people_actions
from coproduce.tests.query_counts import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db


def add_agenda(meeting, staff, title="Agenda"):
    agenda = actions.add_material(
        meeting=meeting,
        kind="agenda",
        title=title,
        sent_on=meeting.papers_due_on,
        upload=pdf("agenda.pdf"),
        content_type="application/pdf",
        uploaded_by=staff,
    )
    easy_read = actions.add_format(
        material=agenda,
        format="easy_read",
        sent_on=meeting.papers_due_on,
        upload=pdf("agenda-easy-read.pdf"),
        content_type="application/pdf",
    )
    return agenda, easy_read


@pytest.fixture
def setting(people):
    person = people["coproducer"]
    robin = UserFactory(email="robin.pa@example.org", name="Robin PA", roles=["coproducer"])
    meeting = make_meeting(organiser=people["staff"], title="Transport forum")
    actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
    agenda, easy_read = add_agenda(meeting, people["staff"], title="Transport agenda")
    authority = people_actions.grant_authority(
        person=person, email=robin.email, powers=["see_meetings_and_papers"]
    )
    return person, robin, authority, agenda, easy_read


def paper_url(authority, material):
    return reverse("meetings:paper_for", args=[authority.pk, material.pk])


def format_url(authority, item):
    return reverse("meetings:format_for", args=[authority.pk, item.pk])


def test_a_supporter_sees_and_downloads_the_papers_in_the_persons_formats(client, setting):
    person, robin, authority, agenda, easy_read = setting
    client.force_login(robin)
    page = client.get(reverse("meetings:acting_for", args=[authority.pk])).content.decode()
    assert "Transport agenda" in page
    assert paper_url(authority, agenda) in page
    assert format_url(authority, easy_read) in page
    response = client.get(paper_url(authority, agenda))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response = client.get(format_url(authority, easy_read))
    assert response.status_code == 200
    assert "agenda-easy-read.pdf" in response["Content-Disposition"]


def test_withdrawal_refuses_the_papers_at_once(client, setting):
    person, robin, authority, agenda, easy_read = setting
    client.force_login(robin)
    assert client.get(paper_url(authority, agenda)).status_code == 200
    people_actions.withdraw_authority(person=person, authority_pk=authority.pk)
    assert client.get(paper_url(authority, agenda)).status_code == 403
    assert client.get(format_url(authority, easy_read)).status_code == 403


def test_papers_of_a_meeting_the_person_is_not_invited_to_are_not_found(client, setting, people):
    person, robin, authority, agenda, easy_read = setting
    elsewhere = make_meeting(organiser=people["staff"], title="Board meeting")
    actions.invite(meeting=elsewhere, people=[robin], invited_by=people["staff"])
    other_agenda, other_easy_read = add_agenda(elsewhere, people["staff"], title="Board agenda")
    client.force_login(robin)
    # Robin is invited himself, but not acting for Chris: not found under Chris's authority.
    assert client.get(paper_url(authority, other_agenda)).status_code == 404
    assert client.get(format_url(authority, other_easy_read)).status_code == 404
    page = client.get(reverse("meetings:acting_for", args=[authority.pk])).content.decode()
    assert "Board agenda" not in page


def test_another_supporters_authority_or_replying_alone_gives_no_papers(client, setting, people):
    person, robin, authority, agenda, easy_read = setting
    client.force_login(people["staff"])
    assert client.get(paper_url(authority, agenda)).status_code == 403
    replier = UserFactory(email="replier@example.org", roles=["coproducer"])
    replying = people_actions.grant_authority(
        person=person, email=replier.email, powers=["reply_to_invitations"]
    )
    client.force_login(replier)
    page = client.get(reverse("meetings:acting_for", args=[replying.pk])).content.decode()
    assert "Transport forum" in page
    assert "Transport agenda" not in page
    assert client.get(paper_url(replying, agenda)).status_code == 403


def test_papers_for_a_supporter_never_show_or_read_the_persons_passport(client, setting):
    from coproduce.people.tests.samples import fill_in_person
    from coproduce.privacy.models import ReadLog

    person, robin, authority, agenda, easy_read = setting
    fill_in_person(person, staff=UserFactory(roles=["staff"]))
    reads = ReadLog.objects.count()
    client.force_login(robin)
    text = client.get(reverse("meetings:acting_for", args=[authority.pk])).content.decode()
    for secret in ("I am Deaf and BSL", "Vegetarian", "Bisexual", "35 to 44", "Long Covid"):
        assert secret not in text
    assert client.get(paper_url(authority, agenda)).status_code == 200
    assert ReadLog.objects.count() == reads


def test_the_acting_for_page_costs_the_same_for_two_or_twenty_meetings_with_papers(
    client, setting, people
):
    person, robin, authority, agenda, easy_read = setting
    more = make_meeting(organiser=people["staff"], title="Second meeting", days=3)
    actions.invite(meeting=more, people=[person], invited_by=people["staff"])
    add_agenda(more, people["staff"])
    client.force_login(robin)

    def grow():
        for n in range(18):
            meeting = make_meeting(organiser=people["staff"], title=f"Meeting {n}", days=n + 4)
            actions.invite(meeting=meeting, people=[person], invited_by=people["staff"])
            add_agenda(meeting, people["staff"])

    assert_queries_do_not_grow(
        {"acting for": (client, reverse("meetings:acting_for", args=[authority.pk]))}, grow
    )
