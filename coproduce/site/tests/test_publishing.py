"""Nothing unpublished, scheduled, unmoderated or unconsented reaches visitors."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.site.models import Consent, FeaturedPerson, SpotlightStatus, Status

from .helpers import make_case_study, make_spotlight, make_update

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "coproducer", "board", "finance"])
def test_draft_and_scheduled_updates_are_not_found(client_as, role):
    make_update("draft", status=Status.DRAFT, title="Secret draft")
    make_update("later", published_at=timezone.now() + timedelta(days=3), title="Not yet time")
    client = client_as(role)
    for slug in ("draft", "later"):
        assert client.get(reverse("site:update_detail", args=[slug])).status_code == 404
    listing = client.get(reverse("site:update_list")).content.decode()
    assert "Secret draft" not in listing and "Not yet time" not in listing
    feed = client.get(reverse("site:update_feed")).content.decode()
    assert "Secret draft" not in feed and "Not yet time" not in feed


def test_writers_can_preview_a_draft(client_as):
    make_update("draft", status=Status.DRAFT, title="Secret draft")
    for role in ("staff", "lead"):
        response = client_as(role).get(reverse("site:update_detail", args=["draft"]))
        assert response.status_code == 200
        assert "This is a preview. It is not public" in response.content.decode()


def test_draft_case_study_is_not_found(client_as):
    make_case_study("hidden", status=Status.DRAFT)
    assert (
        client_as("anonymous").get(reverse("site:case_study_detail", args=["hidden"])).status_code
        == 404
    )
    assert (
        client_as("staff").get(reverse("site:case_study_detail", args=["hidden"])).status_code
        == 200
    )


@pytest.mark.parametrize(
    "status",
    [SpotlightStatus.SUBMITTED, SpotlightStatus.CHANGES_REQUESTED, SpotlightStatus.DECLINED],
)
def test_unmoderated_spotlight_is_never_public(client_as, status):
    spotlight = make_spotlight(status=status, title="Unreviewed story")
    for role in ("anonymous", "lead", "staff"):
        client = client_as(role)
        assert client.get(reverse("site:spotlight_detail", args=[spotlight.pk])).status_code == 404
        assert "Unreviewed story" not in client.get(reverse("site:spotlight_list")).content.decode()
        assert (
            "Unreviewed story"
            not in client.get(reverse("site:search"), {"q": "Unreviewed"}).content.decode()
        )


def test_published_spotlight_is_public(client):
    spotlight = make_spotlight(status=SpotlightStatus.PUBLISHED, title="A published story")
    assert client.get(reverse("site:spotlight_detail", args=[spotlight.pk])).status_code == 200
    assert "A published story" in client.get(reverse("site:spotlight_list")).content.decode()


def test_case_study_publishes_only_when_everyone_agreed(client_as):
    case_study = make_case_study("advice-line")
    FeaturedPerson.objects.create(case_study=case_study, name="Priya Shah", appearance="both")
    lead = client_as("lead")
    url = reverse("site:case_study_publish", args=[case_study.pk])

    response = lead.post(url, {"publish": "1"}, follow=True)
    case_study.refresh_from_db()
    assert case_study.status == Status.DRAFT
    assert "Priya Shah has not agreed yet" in response.content.decode()

    person = case_study.people.get()
    consent_url = reverse("site:featured_person_consent", args=[case_study.pk, person.pk])
    response = lead.post(consent_url, {"consent": Consent.GIVEN, "consent_note": ""})
    assert response.status_code == 200, "agreeing needs a note of how they agreed"
    lead.post(consent_url, {"consent": Consent.GIVEN, "consent_note": "Signed form, 3 March"})
    lead.post(url, {"publish": "1"})
    case_study.refresh_from_db()
    assert case_study.status == Status.PUBLISHED
    assert client_as("anonymous").get(case_study.get_absolute_url()).status_code == 200

    # Withdrawing consent takes the story down straight away.
    client_as("lead").post(
        consent_url, {"consent": Consent.REFUSED, "consent_note": "Emailed to withdraw"}
    )
    case_study.refresh_from_db()
    assert case_study.status == Status.DRAFT
    assert client_as("anonymous").get(case_study.get_absolute_url()).status_code == 404


def test_adding_someone_without_consent_takes_a_published_story_down(client_as):
    case_study = make_case_study("venues", status=Status.PUBLISHED)
    client_as("staff").post(
        reverse("site:case_study_manage", args=[case_study.pk]),
        {"name": "Grace Obi", "appearance": "named", "consent": "not_asked", "consent_note": ""},
    )
    case_study.refresh_from_db()
    assert case_study.status == Status.DRAFT


def test_a_person_is_added_with_their_consent_or_not_at_all(monkeypatch):
    """Adding someone and recording their consent is one transaction: if recording the
    consent fails, nobody is added with consent 'not asked' behind the lead's back."""
    from coproduce.site import actions

    case_study = make_case_study("together", status=Status.PUBLISHED)

    def fails(**kwargs):
        raise RuntimeError("the consent could not be recorded")

    monkeypatch.setattr(actions, "record_consent", fails)
    with pytest.raises(RuntimeError):
        actions.add_featured_person(
            case_study=case_study,
            person=FeaturedPerson(name="Grace Obi", appearance="named"),
            consent=Consent.GIVEN,
            note="Signed form",
        )
    assert not FeaturedPerson.objects.filter(case_study=case_study).exists()


def test_staff_cannot_publish_a_case_study(client_as):
    case_study = make_case_study("no-people")
    response = client_as("staff").post(
        reverse("site:case_study_publish", args=[case_study.pk]), {"publish": "1"}
    )
    assert response.status_code == 403
    case_study.refresh_from_db()
    assert case_study.status == Status.DRAFT


def test_update_picture_follows_the_update(client_as):
    from django.core.files.base import ContentFile

    from coproduce.site.demo import solid_png

    update = make_update(
        "pictured", status=Status.DRAFT, image_alt="A purple square", image_type="image/png"
    )
    update.image.save("p.png", ContentFile(solid_png(4, 4, (1, 2, 3))))
    url = reverse("site:update_image", args=["pictured"])
    assert client_as("anonymous").get(url).status_code == 404
    update.status = Status.PUBLISHED
    update.save()
    response = client_as("anonymous").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
