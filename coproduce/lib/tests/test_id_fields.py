"""Records chosen in forms by id: a doctored id (too big for the database, negative,
not a whole number, not ASCII digits, empty) is an invalid choice with a message,
never a server error; and every form of the project chooses records that way."""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.urls import reverse

import coproduce
from coproduce.lib.forms import IdChoiceField, IdMultipleChoiceField
from coproduce.meetings.models import Invitation
from coproduce.meetings.tests.factories import make_meeting
from coproduce.projects.models import Decision, Feedback
from coproduce.projects.tests.factories import make_project

DOCTORED = [str(10**30), "-1", "1e3", "٣", ""]
PACKAGE = Path(coproduce.__file__).parent
ONE_OF = "Choose one of the options shown"  # a single choice's message


def project_form_classes():
    for module_info in pkgutil.walk_packages(coproduce.__path__, "coproduce."):
        # Tests, migrations and the load test (locust is a benchmark-only tool) hold no forms.
        if any(part in module_info.name for part in (".tests", ".migrations", "locustfile")):
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


def test_every_model_choice_field_checks_its_ids():
    unsafe, checked = [], 0
    for form_class in project_form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.ModelChoiceField):
                checked += 1
                if not isinstance(field, IdChoiceField | IdMultipleChoiceField):
                    unsafe.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert checked, "no form with a model-choice field was found"
    assert not unsafe, f"plain model-choice fields: {unsafe}"


def test_no_form_builds_a_plain_model_choice_field():
    """Fields made in a form's __init__ are not in base_fields, so look at the source too."""
    plain = re.compile(r"\bModel(Multiple)?ChoiceField\b|\bforms\.ModelForm\b")
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts
        and path != PACKAGE / "lib" / "forms.py"
        and plain.search(path.read_text())
    ]
    assert not found, f"use coproduce.lib.forms' ModelForm and Id*ChoiceField in: {found}"


@pytest.fixture
def project(people):
    return make_project(lead=people["staff"], coproducers=[people["coproducer"]])


def assert_refused(response, field, message="Choose only from the options shown"):
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("value", [value for value in DOCTORED if value])  # empty: no meeting
def test_decision_form_refuses_doctored_ids(client_as, people, project, value):
    before = Decision.objects.count()
    response = client_as("staff").post(
        reverse("projects:decision_create", args=[project.pk]),
        {
            "closes_on": "2099-01-10",
            "what": "Meet on Tuesdays.",
            "why": "Mornings are hard.",
            "meeting": value,
        },
    )
    assert_refused(response, "meeting", ONE_OF)
    assert Decision.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("value", DOCTORED)
def test_you_said_form_refuses_doctored_ids(client_as, project, value):
    before = Feedback.objects.count()
    response = client_as("staff").post(
        reverse("projects:feedback_create", args=[project.pk]),
        {
            "said": "The lift was broken.",
            "source": Feedback.Source.MEETING,
            "said_on": "2026-01-10",
            "said_by": [value],
        },
    )
    assert_refused(response, "said_by")
    assert Feedback.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("value", DOCTORED)
def test_invite_form_refuses_doctored_ids(client_as, people, value):
    meeting = make_meeting(organiser=people["staff"])
    response = client_as("staff").post(
        reverse("meetings:invite", args=[meeting.pk]), {"people": [value]}
    )
    assert_refused(response, "people")
    assert not Invitation.objects.filter(meeting=meeting).exists()


@pytest.mark.django_db
def test_a_real_choice_is_still_taken(client_as, people, project):
    meeting = make_meeting(organiser=people["staff"], project=project)
    other = make_meeting(organiser=people["staff"])  # another project's meeting is refused
    url = reverse("projects:decision_create", args=[project.pk])
    fields = {"closes_on": "2099-01-10", "what": "Meet on Tuesdays.", "why": "Mornings are hard."}
    refused = client_as("staff").post(url, {**fields, "meeting": other.pk})
    assert_refused(refused, "meeting", ONE_OF)
    response = client_as("staff").post(url, {**fields, "meeting": meeting.pk})
    assert response.status_code == 302
    assert Decision.objects.get(what="Meet on Tuesdays.").meeting == meeting
