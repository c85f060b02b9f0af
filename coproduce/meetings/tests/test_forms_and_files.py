"""Bad input is refused with a clear message and never a server error;
papers are private, checked by their contents, and flagged when late."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.accounts.tests.factories import UserFactory
from coproduce.meetings import actions
from coproduce.meetings.models import Material, Meeting
from coproduce.meetings.tests.factories import make_meeting, make_venue, pdf

pytestmark = pytest.mark.django_db


def meeting_data(place, **changes):
    soon = timezone.localdate() + timedelta(days=14)
    data = {
        "title": "Transport group",
        "kind": "hybrid",
        "date": soon.isoformat(),
        "time": "14:00",
        "duration_minutes": "120",
        "venue": place.pk,
        "joining_details": "https://meet.example.org/x",
        "capacity": "",
        "notice_days": "7",
        "break_1_after": "60",
        "break_1_length": "15",
    }
    return {**data, **changes}


def test_an_organiser_creates_a_meeting_with_breaks(client_as):
    venue = make_venue()
    response = client_as("staff").post(reverse("meetings:meeting_create"), meeting_data(venue))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.starts_at).hour == 14
    assert [(b.starts_after_minutes, b.length_minutes) for b in meeting.breaks.all()] == [(60, 15)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "2020-01-01"}, "The meeting must start in the future"),
        (
            {"break_2_after": "70", "break_2_length": "10"},
            "Break 2 overlaps another break",
        ),
        ({"break_1_after": "115"}, "Break 1 must end before the meeting ends"),
        ({"break_1_length": ""}, "Enter how long break 1 is"),
        ({"kind": "in_person", "venue": ""}, "Choose the venue"),
        ({"kind": "online", "joining_details": " "}, "Say how people join online"),
        ({"time": "25:99"}, "Enter a time like 14:30"),
        ({"duration_minutes": "5"}, "at least 15 minutes"),
        ({"capacity": "0"}, "Enter at least 1 place"),
    ],
)
def test_bad_meetings_are_refused_clearly(client_as, changes, message):
    venue = make_venue()
    response = client_as("staff").post(
        reverse("meetings:meeting_create"), meeting_data(venue, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_capacity_cannot_drop_below_the_places_taken(people, client_as):
    meeting = make_meeting(organiser=people["staff"])
    a, b = UserFactory(roles=["coproducer"]), UserFactory(roles=["coproducer"])
    for invitation in actions.invite(meeting=meeting, people=[a, b], invited_by=people["staff"]):
        actions.reply(invitation=invitation, answer="yes")
    local = timezone.localtime(meeting.starts_at)
    data = meeting_data(
        meeting.venue, date=local.date().isoformat(), time=local.strftime("%H:%M"), capacity="1"
    )
    response = client_as("staff").post(reverse("meetings:meeting_edit", args=[meeting.pk]), data)
    assert "2 people already have a place" in response.content.decode()


text = st.one_of(
    st.text(max_size=100), st.sampled_from(["", "0", "-1", "99999999999", "2020-02-30", "x" * 900])
)


def test_the_meeting_form_never_fails(people):
    venue = make_venue()
    client = Client()
    client.force_login(people["staff"])
    fields = ["title", "kind", "date", "time", "duration_minutes", "venue", "capacity"]
    fields += ["notice_days", "break_1_after", "break_1_length", "break_2_after"]

    @given(st.fixed_dictionaries({name: text for name in fields}))
    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    def post_anything(data):
        response = client.post(reverse("meetings:meeting_create"), {**meeting_data(venue), **data})
        assert response.status_code in (200, 302)

    post_anything()


def test_papers_are_checked_private_and_flagged_when_late(people, client_as):
    meeting = make_meeting(organiser=people["staff"], days=3)
    actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
    client = client_as("staff")
    url = reverse("meetings:material_add", args=[meeting.pk])
    today = timezone.localdate().isoformat()
    renamed = SimpleUploadedFile("agenda.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    refused = client.post(
        url, {"kind": "agenda", "title": "Agenda", "sent_on": today, "file": renamed}
    )
    assert "do not match its type" in refused.content.decode()
    wrong = SimpleUploadedFile("agenda.exe", b"MZ\x90\x00", "application/octet-stream")
    refused = client.post(
        url, {"kind": "agenda", "title": "Agenda", "sent_on": today, "file": wrong}
    )
    assert "must be one of these types" in refused.content.decode()
    assert not Material.objects.exists()

    added = client.post(url, {"kind": "agenda", "title": "Agenda", "sent_on": today, "file": pdf()})
    assert added.status_code == 302
    material = Material.objects.get()
    assert material.is_late  # 3 days' notice for a 7-day notice period
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sent late" in page

    fmt_url = reverse("meetings:format_add", args=[meeting.pk, material.pk])
    no_link = client.post(fmt_url, {"format": "bsl", "sent_on": today})
    assert "Enter the link to the BSL video" in no_link.content.decode()
    client.post(fmt_url, {"format": "bsl", "sent_on": today, "link": "https://video.example.org/1"})
    client.post(fmt_url, {"format": "easy_read", "sent_on": today, "file": pdf("easy.pdf")})
    assert sorted(material.formats.values_list("format", flat=True)) == ["bsl", "easy_read"]

    download = reverse("meetings:material_download", args=[meeting.pk, material.pk])
    response = client_as("coproducer").get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_as("finance").get(download).status_code == 403
    outsider = Client()
    outsider.force_login(UserFactory(roles=["coproducer"]))
    assert outsider.get(download).status_code == 403


def test_huge_uploads_are_refused(people, client_as, settings):
    settings.COPRODUCE_UPLOAD_MAX_BYTES = 100
    meeting = make_meeting(organiser=people["staff"])
    big = pdf(content=b"%PDF-" + b"x" * 200)
    response = client_as("staff").post(
        reverse("meetings:material_add", args=[meeting.pk]),
        {"kind": "paper", "title": "Big", "sent_on": timezone.localdate().isoformat(), "file": big},
    )
    assert "must be smaller than" in response.content.decode()


def test_attendance_is_recorded_and_read_newest_first(people, client_as):
    from coproduce.meetings.attendance import attended_by

    older = make_meeting(organiser=people["staff"], days=-20, title="Older")
    newer = make_meeting(organiser=people["staff"], days=-2, title="Newer")
    for meeting in (older, newer):
        actions.invite(meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"])
        field = f"person_{people['coproducer'].pk}"
        response = client_as("staff").post(
            reverse("meetings:attendance", args=[meeting.pk]), {field: "90"}
        )
        assert response.status_code == 302
    bad = client_as("staff").post(reverse("meetings:attendance", args=[newer.pk]), {field: "-5"})
    assert "Enter 0 or more minutes" in bad.content.decode()
    rows = list(attended_by(people["coproducer"]))
    assert [row.meeting.title for row in rows] == ["Newer", "Older"]
    assert rows[0].minutes == 90 and rows[0].recorded_by == people["staff"]
    future = make_meeting(organiser=people["staff"], days=5)
    actions.invite(meeting=future, people=[people["coproducer"]], invited_by=people["staff"])
    early = client_as("staff").post(reverse("meetings:attendance", args=[future.pk]), {field: "5"})
    assert "once the meeting has started" in early.content.decode()


def test_the_other_forms_never_fail(people):
    meeting = make_meeting(organiser=people["staff"], days=-1)
    (invitation,) = actions.invite(
        meeting=meeting, people=[people["coproducer"]], invited_by=people["staff"]
    )
    meeting.invitations.update(reply="yes")
    staff, coproducer = Client(), Client()
    staff.force_login(people["lead"])
    coproducer.force_login(people["coproducer"])
    upcoming = make_meeting(organiser=people["staff"])
    actions.invite(meeting=upcoming, people=[people["coproducer"]], invited_by=people["staff"])
    targets = [
        (staff, reverse("meetings:venue_create"), ["name", "address", "step_free", "parking"]),
        (
            staff,
            reverse("meetings:reply_on_behalf", args=[upcoming.pk]),
            ["invitation", "reply", "reason"],
        ),
        (
            staff,
            reverse("meetings:attendance", args=[meeting.pk]),
            [f"person_{people['coproducer'].pk}"],
        ),
        (staff, reverse("meetings:invite", args=[upcoming.pk]), ["people", "team"]),
        (staff, reverse("meetings:material_add", args=[upcoming.pk]), ["kind", "title", "sent_on"]),
        (coproducer, reverse("meetings:reply", args=[upcoming.pk]), ["reply", "cancel"]),
        (
            coproducer,
            reverse("meetings:feedback", args=[meeting.pk]),
            ["access_needs_met", "listened_to", "could_say", "anything_else"],
        ),
    ]

    def check(client, url, fields):
        @given(st.fixed_dictionaries({name: text for name in fields}))
        @settings(
            max_examples=15,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture],
        )
        def post_anything(data):
            assert client.post(url, data).status_code in (200, 302)

        post_anything()

    for client, url, fields in targets:
        check(client, url, fields)
