"""The people pages in Welsh: read in Welsh, matched and stored in a way that does not
depend on the reader's language."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from coproduce.people import equality, importing
from coproduce.people.access import arrangements_for
from coproduce.people.models import AccessPassport, EqualityMonitoring, Requirement, Sharing

pytestmark = pytest.mark.django_db


def test_a_welsh_reader_gets_their_profile_in_welsh(client_as):
    client = client_as("coproducer")
    client.cookies["django_language"] = "cy"
    page = client.get(reverse("people:my_profile")).content.decode()
    assert "Eich proffil" in page
    assert "Your profile" not in page.split("<main", 1)[1]


def test_spreadsheet_columns_are_matched_in_english_or_welsh_whatever_the_reader_reads():
    with translation.override("cy"):
        assert importing.guess_mapping(["Name", "Email address"]) == {"name": "0", "email": "1"}
        assert importing.guess_mapping(["Enw", "E-bost", "Rhif ffôn"]) == {
            "name": "0",
            "email": "1",
            "phone": "2",
        }


def test_import_problems_are_plain_welsh_for_a_welsh_reader():
    data = {field: "" for field, *_ in importing.FIELDS}
    with translation.override("cy"):
        problems = importing.check_row(data, seen={}, existing=set())
    assert problems == [
        "mae'r enw ar goll",
        "does dim cyfeiriad e-bost, rhif ffôn na chyfeiriad post, felly does dim ffordd o "
        "gysylltu â nhw",
    ]


def test_reach_counts_are_plain_text_in_the_language_of_the_moment(people):
    lead = people["lead"]
    EqualityMonitoring.objects.create(user=people["coproducer"], disabled="yes")
    with translation.override("cy"):
        rows = equality.answer_counts(lead, "disabled", "test")
    json.dumps(rows)  # figures are stored as JSON
    assert rows[0][0] == "Ydw"


def test_arrangements_carry_codes_so_other_apps_need_not_read_labels(people):
    person = people["coproducer"]
    passport = AccessPassport.objects.create(user=person, sharing=Sharing.ARRANGEMENTS)
    passport.requirements.create(code=Requirement.BSL)
    with translation.override("cy"):
        arrangements = arrangements_for(person, person, "test")
    assert arrangements.items == ["Dehonglydd BSL"]
    assert arrangements.codes == [Requirement.BSL]


def test_the_people_filters_kept_between_visits_follow_the_search_and_the_language(client_as):
    """The people list keeps its drawn filters (a cached fragment): never another search's
    or another language's."""
    client = client_as("staff")
    url = reverse("people:person_list")
    assert 'value="Ada"' in client.get(url, {"q": "Ada"}).content.decode()
    again = client.get(url, {"q": "Khan"}).content.decode()
    assert 'value="Khan"' in again and 'value="Ada"' not in again
    client.cookies["django_language"] = "cy"
    welsh = client.get(url, {"q": "Khan"}).content.decode()
    assert "Chwilio</button>" in welsh and "Search</button>" not in welsh
    client.cookies["django_language"] = "en-gb"
    assert 'name="requirement"' in client.get(url, {"q": "Khan"}).content.decode()
    # Administrators may not find people by access need: the same search, drawn without it.
    administrator = client_as("administrator").get(url, {"q": "Khan"}).content.decode()
    assert 'value="Khan"' in administrator and 'name="requirement"' not in administrator
