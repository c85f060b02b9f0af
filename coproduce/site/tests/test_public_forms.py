"""The public forms: spotlight moderation from start to finish, the contact
inbox, honeypot, rate limit, private files, and no server error on any input."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.site.models import ContactMessage, MessageStatus, Spotlight, SpotlightStatus

from .helpers import CONTACT_POST, SPOTLIGHT_POST

pytestmark = pytest.mark.django_db


def test_spotlight_from_submission_to_publication(
    client_as, people, django_capture_on_commit_callbacks
):
    visitor = client_as("anonymous")
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(reverse("site:spotlight_submit"), SPOTLIGHT_POST)
    assert response.status_code == 302
    spotlight = Spotlight.objects.get()
    assert spotlight.status == SpotlightStatus.SUBMITTED
    assert {tuple(m.to) for m in mail.outbox} == {(people["lead"].email,), ("jo@example.org",)}
    assert visitor.get(spotlight.get_absolute_url()).status_code == 404

    lead = client_as("lead")
    review = reverse("site:spotlight_review", args=[spotlight.pk])
    response = lead.post(review, {"decision": SpotlightStatus.CHANGES_REQUESTED, "message": ""})
    assert response.status_code == 200
    assert "Tell the organisation what to change" in response.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(
            review,
            {
                "decision": SpotlightStatus.CHANGES_REQUESTED,
                "message": "Say more about interpreters.",
            },
        )
    spotlight.refresh_from_db()
    assert spotlight.status == SpotlightStatus.CHANGES_REQUESTED
    change_url = reverse("site:spotlight_change", args=[spotlight.change_token])
    assert mail.outbox[0].to == ["jo@example.org"]
    assert (
        change_url in mail.outbox[0].body and "Say more about interpreters." in mail.outbox[0].body
    )

    visitor = client_as("anonymous")
    page = visitor.get(change_url).content.decode()
    assert "Say more about interpreters." in page
    response = visitor.post(
        change_url, {**SPOTLIGHT_POST, "story": "We booked interpreters a month ahead."}
    )
    assert response.status_code == 302
    spotlight.refresh_from_db()
    assert spotlight.status == SpotlightStatus.SUBMITTED and "a month ahead" in spotlight.story
    assert visitor.get(change_url).status_code == 410

    lead = client_as("lead")
    edited = {
        "save_text": "1",
        "organisation": "Hilltop DPO",
        "title": "Interpreters first",
        "story": spotlight.story,
        "what_worked": "x",
        "what_learned": "y",
    }
    lead.post(review, edited)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(review, {"decision": SpotlightStatus.PUBLISHED, "message": ""})
    spotlight.refresh_from_db()
    assert spotlight.status == SpotlightStatus.PUBLISHED and spotlight.title == "Interpreters first"
    assert spotlight.get_absolute_url() in mail.outbox[0].body
    assert client_as("anonymous").get(spotlight.get_absolute_url()).status_code == 200


def test_declined_spotlight_tells_the_submitter_and_stays_private(
    client_as, django_capture_on_commit_callbacks
):
    client_as("anonymous").post(reverse("site:spotlight_submit"), SPOTLIGHT_POST)
    spotlight = Spotlight.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_as("lead").post(
            reverse("site:spotlight_review", args=[spotlight.pk]),
            {"decision": SpotlightStatus.DECLINED, "message": "This is advertising."},
        )
    spotlight.refresh_from_db()
    assert spotlight.status == SpotlightStatus.DECLINED
    assert "This is advertising." in mail.outbox[0].body
    assert client_as("anonymous").get(spotlight.get_absolute_url()).status_code == 404


def test_spotlight_needs_consent_to_publish(client):
    response = client.post(
        reverse("site:spotlight_submit"), {**SPOTLIGHT_POST, "consent_to_publish": ""}
    )
    assert response.status_code == 200
    assert "Tick the box to agree" in response.content.decode()
    assert not Spotlight.objects.exists()


def test_spotlight_files_are_checked_and_private(client_as):
    pdf = SimpleUploadedFile(
        "report.pdf", b"%PDF-1.7 a small report", content_type="application/pdf"
    )
    client_as("anonymous").post(
        reverse("site:spotlight_submit"), {**SPOTLIGHT_POST, "files": [pdf]}
    )
    upload = Spotlight.objects.get().files.get()
    url = reverse("site:spotlight_file", args=[upload.spotlight_id, upload.pk])
    assert client_as("anonymous").get(url).status_code == 302
    assert client_as("staff").get(url).status_code == 403
    response = client_as("lead").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    bad = SimpleUploadedFile("script.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client_as("anonymous").post(
        reverse("site:spotlight_submit"), {**SPOTLIGHT_POST, "files": [bad]}
    )
    assert response.status_code == 200
    assert "script.exe: The file must be one of these types" in response.content.decode()
    assert Spotlight.objects.count() == 1


def test_contact_message_reaches_the_lead_and_the_inbox(
    client_as, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("anonymous").post(reverse("site:contact"), CONTACT_POST)
    assert response.status_code == 302
    message = ContactMessage.objects.get()
    to_lead = [m for m in mail.outbox if m.to == [people["lead"].email]]
    assert to_lead and "I would like to join your next workshop." in to_lead[0].body
    assert any(m.to == ["alex@example.org"] for m in mail.outbox)

    lead = client_as("lead")
    assert "Alex Morgan" in lead.get(reverse("site:inbox")).content.decode()
    lead.post(
        reverse("site:inbox_detail", args=[message.pk]),
        {"status": MessageStatus.CLOSED, "notes": "Replied"},
    )
    message.refresh_from_db()
    assert message.status == MessageStatus.CLOSED and message.handled_by == people["lead"]
    assert "Alex Morgan" not in lead.get(reverse("site:inbox")).content.decode()


@pytest.mark.parametrize(
    ("url_name", "data", "model"),
    [
        ("site:contact", CONTACT_POST, ContactMessage),
        ("site:spotlight_submit", SPOTLIGHT_POST, Spotlight),
    ],
)
def test_honeypot_fills_are_dropped_quietly(client, url_name, data, model):
    response = client.post(reverse(url_name), {**data, "website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"].endswith("/sent/")
    assert not model.objects.exists()
    assert not mail.outbox


@override_settings(COPRODUCE_PUBLIC_FORM_LIMIT=2)
@pytest.mark.parametrize(
    ("url_name", "data", "model"),
    [
        ("site:contact", CONTACT_POST, ContactMessage),
        ("site:spotlight_submit", SPOTLIGHT_POST, Spotlight),
    ],
)
def test_rate_limit_per_address(client, url_name, data, model):
    for _ in range(2):
        assert client.post(reverse(url_name), data).status_code == 302
    response = client.post(reverse(url_name), data)
    assert response.status_code == 429
    assert "Please wait an hour" in response.content.decode()
    assert model.objects.count() == 2
    # Another address is not affected.
    assert client.post(reverse(url_name), data, REMOTE_ADDR="10.0.0.9").status_code == 302


text = st.text(max_size=300)
contact_input = st.fixed_dictionaries(
    {},
    optional={
        "name": text,
        "email": text,
        "topic": st.sampled_from(["taking_part", "other", "nonsense", ""]) | text,
        "message": text,
        "reply_preference": text,
        "website": st.sampled_from(["", "x"]),
    },
)
spotlight_input = st.fixed_dictionaries(
    {},
    optional={
        **{name: text for name in SPOTLIGHT_POST},
        "consent_to_publish": st.sampled_from(["on", "", "yes", "0"]) | text,
    },
)


def no_nulls(data):
    # The test client cannot encode lone surrogates; browsers never send them.
    return {k: v.encode("utf-8", "replace").decode("utf-8") for k, v in data.items()}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=contact_input)
def test_contact_form_never_fails_on_any_input(client, data):
    response = client.post(reverse("site:contact"), no_nulls(data))
    assert response.status_code in (200, 302, 429)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=spotlight_input)
def test_spotlight_form_never_fails_on_any_input(client, data):
    response = client.post(reverse("site:spotlight_submit"), no_nulls(data))
    assert response.status_code in (200, 302, 429)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300), page=st.text(max_size=10))
def test_search_and_lists_never_fail_on_any_input(client, query, page):
    query = query.encode("utf-8", "replace").decode("utf-8")
    page = page.encode("utf-8", "replace").decode("utf-8")
    assert client.get(reverse("site:search"), {"q": query}).status_code == 200
    assert client.get(reverse("site:update_list"), {"page": page}).status_code == 200
