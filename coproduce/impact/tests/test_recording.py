"""Staff and project leads record changes, linked to the project's decisions, "you said"
items and team; staff publish; nobody else can, and nothing from another project can be
linked."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.impact.models import ImpactEntry, ImpactPerson
from coproduce.impact.tests.factories import evidence_pdf, make_entry
from coproduce.notifications.models import Notification
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Decision
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    project.sample_decision = project_actions.record_decision(
        project=project,
        recorded_by=people["staff"],
        present=[people["staff"], people["coproducer"]],
        what="Send papers a week ahead.",
        why="People need time to read them.",
        agreement=Decision.Agreement.AGREED,
    )
    project.sample_feedback = project_actions.record_feedback(
        project=project,
        recorded_by=people["staff"],
        said_by=[people["coproducer"]],
        said="Papers came the night before.",
    )
    return project


def form_data(project, **extra):
    return {
        "title": "Papers now go out a week ahead",
        "what_changed": "Everyone gets papers seven days before.",
        "where": "inside",
        "area": "practice",
        "changed_on": timezone.localdate().isoformat(),
        "evidence": "The meetings procedure.",
        "decisions": [project.sample_decision.pk],
        "feedback": [project.sample_feedback.pk],
        "people": [],
        **extra,
    }


def create_url(project):
    return reverse("impact:entry_create") + f"?project={project.pk}"


def test_staff_record_a_change_linked_to_decisions_feedback_and_people(client_as, people, project):
    client = client_as("staff")
    page = client.get(create_url(project)).content.decode()
    assert "Send papers a week ahead." in page
    assert "Papers came the night before." in page
    response = client.post(
        create_url(project), form_data(project, people=[people["coproducer"].pk])
    )
    entry = ImpactEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == entry.get_absolute_url()
    assert entry.project == project
    assert entry.recorded_by == people["staff"]
    assert not entry.published
    assert list(entry.decisions.all()) == [project.sample_decision]
    assert list(entry.feedback.all()) == [project.sample_feedback]
    mention = ImpactPerson.objects.get(entry=entry)
    assert mention.person == people["coproducer"]
    assert not mention.consent_to_be_named and mention.consent_changed_at is None
    told = Notification.objects.get(recipient=people["coproducer"], kind="impact.named")
    assert entry.title in told.body
    assert entry.history.count() == 1


def test_the_project_choice_comes_first(client_as, project):
    page = client_as("staff").get(reverse("impact:entry_create")).content.decode()
    assert "Which project did this change come from?" in page
    assert project.title in page


def test_a_whole_organisation_change_has_no_project_links(client_as, people):
    client = client_as("lead")
    url = reverse("impact:entry_create") + "?project="
    assert "decisions" not in client.get(url).context["form"].fields
    response = client.post(
        url,
        {
            "title": "Co-production is in the strategy",
            "what_changed": "The board adopted it.",
            "where": "inside",
            "area": "culture",
            "changed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    assert ImpactEntry.objects.get().project is None


def test_another_projects_decision_feedback_or_person_cannot_be_linked(client_as, people, project):
    other = make_project(lead=people["lead"], title="Another project")
    foreign_decision = project_actions.record_decision(
        project=other, recorded_by=people["lead"], present=[], what="Other.", why="Other."
    )
    stranger = UserFactory(roles=["coproducer"])
    client = client_as("staff")
    for hostile in (
        {"decisions": [foreign_decision.pk]},
        {"people": [stranger.pk]},
        {"feedback": ["1 OR 1=1"]},
        {"decisions": ["99999999999999999999999"]},
    ):
        response = client.post(create_url(project), form_data(project, **hostile))
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not ImpactEntry.objects.exists()


def test_bad_input_is_explained_and_nothing_is_saved(client_as, project):
    client = client_as("staff")
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        create_url(project), form_data(project, title="", area="nowhere", changed_on=tomorrow)
    )
    errors = response.context["form"].errors
    assert set(errors) == {"title", "area", "changed_on"}
    assert "today or earlier" in errors["changed_on"][0]
    assert "There is a problem" in response.content.decode()
    assert not ImpactEntry.objects.exists()


def test_a_renamed_file_is_refused_and_a_real_one_is_kept_for_staff_and_those_named(
    client_as, people, project
):
    client = client_as("staff")
    fake = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(create_url(project), {**form_data(project), "evidence_file": fake})
    assert "evidence_file" in response.context["form"].errors
    assert not ImpactEntry.objects.exists()
    client.post(create_url(project), {**form_data(project), "evidence_file": evidence_pdf()})
    entry = ImpactEntry.objects.get()
    assert entry.evidence_file_name == "minutes.pdf"
    url = reverse("impact:evidence_file", args=[entry.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client_as("coproducer").get(url).status_code == 403  # not named in it


def test_editing_takes_a_person_off_and_keeps_the_file(client_as, people, project):
    entry = make_entry(
        by=people["staff"],
        project=project,
        people=[people["coproducer"]],
        consenting=[people["coproducer"]],
        evidence_file=evidence_pdf(),
    )
    client = client_as("staff")
    response = client.post(
        reverse("impact:entry_edit", args=[entry.pk]), form_data(project, title="New title")
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "New title"
    assert not entry.named.exists()
    assert entry.evidence_file_name == "minutes.pdf"


@pytest.mark.parametrize("role", ["coproducer", "finance", "board", "administrator"])
def test_only_staff_and_the_lead_publish(client_as, people, role):
    entry = make_entry(by=people["staff"])
    response = client_as(role).post(reverse("impact:entry_publish", args=[entry.pk]))
    assert response.status_code == 403
    entry.refresh_from_db()
    assert not entry.published


def test_staff_publish_and_take_down(client_as, people):
    entry = make_entry(by=people["staff"])
    url = reverse("impact:entry_publish", args=[entry.pk])
    client_as("lead").post(url, {"publish": "1"})
    entry.refresh_from_db()
    assert entry.published and entry.published_at
    client_as("staff").post(url, {"publish": "0"})
    entry.refresh_from_db()
    assert not entry.published


def test_a_coproducer_who_leads_a_project_records_for_it_but_cannot_publish(client_as, people):
    own = make_project(lead=people["coproducer"], title="Peer support")
    own.sample_decision = project_actions.record_decision(
        project=own, recorded_by=people["coproducer"], present=[], what="Meet.", why="Why."
    )
    own.sample_feedback = project_actions.record_feedback(
        project=own, recorded_by=people["coproducer"], said_by=[], said="Said."
    )
    others = make_project(lead=people["staff"], title="Someone else's")
    client = client_as("coproducer")
    assert client.get(reverse("impact:entry_list")).status_code == 200
    mentions = client.get(reverse("impact:mentions")).content.decode()
    assert f'href="{reverse("impact:entry_list")}"' in mentions
    # Not another project, and not the whole organisation.
    for choice in (f"?project={others.pk}", "?project="):
        page = client.get(reverse("impact:entry_create") + choice)
        assert page.context["chooser"].errors
    response = client.post(create_url(own), form_data(own))
    assert response.status_code == 302
    entry = ImpactEntry.objects.get()
    assert client.get(reverse("impact:entry_edit", args=[entry.pk])).status_code == 200
    theirs = make_entry(by=people["staff"], project=others, title="Theirs")
    assert client.get(reverse("impact:entry_detail", args=[theirs.pk])).status_code == 403
    assert client.get(reverse("impact:entry_edit", args=[theirs.pk])).status_code == 403
    listed = client.get(reverse("impact:entry_list")).content.decode()
    assert entry.title in listed and "Theirs" not in listed
    assert client.post(reverse("impact:entry_publish", args=[entry.pk])).status_code == 403


def test_the_log_filters_by_area(client_as, people):
    make_entry(by=people["staff"], title="A culture change", area="culture")
    make_entry(by=people["staff"], title="A review change", area="review")
    page = client_as("staff").get(reverse("impact:entry_list") + "?area=culture")
    assert "A culture change" in page.content.decode()
    assert "A review change" not in page.content.decode()
    # An unknown area is ignored, not an error.
    assert client_as("staff").get(reverse("impact:entry_list") + "?area=<b>").status_code == 200


def test_an_entry_whose_project_was_deleted_keeps_its_people_when_edited(client_as, people):
    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    entry = make_entry(by=people["staff"], project=project, people=[people["coproducer"]])
    project.delete()
    response = client_as("staff").post(
        reverse("impact:entry_edit", args=[entry.pk]),
        {
            "title": "Still true",
            "what_changed": "It changed.",
            "where": "inside",
            "area": "practice",
            "changed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.project is None and entry.title == "Still true"
    assert list(entry.named.values_list("person", flat=True)) == [people["coproducer"].pk]
