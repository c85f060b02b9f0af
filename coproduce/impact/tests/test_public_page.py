"""The public impact page shows published changes only, names only the people who agreed
themselves (a withdrawal takes the name off at once), and escapes everything."""

import pytest
from django.urls import reverse

from coproduce.impact import actions
from coproduce.impact.tests.factories import make_entry
from coproduce.projects import actions as project_actions
from coproduce.projects.models import Feedback, Project
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


def public_page(client):
    response = client.get(reverse("impact:public_list"))
    assert response.status_code == 200
    return response.content.decode()


def test_only_published_entries_are_shown(client, people):
    make_entry(by=people["staff"], title="Published change", published=True)
    make_entry(by=people["staff"], title="Draft change")
    page = public_page(client)
    assert "Published change" in page
    assert "Draft change" not in page


def test_an_unpublished_entry_is_not_found_at_its_public_address_by_anyone(client_as, people):
    draft = make_entry(by=people["staff"], title="Draft change")
    url = reverse("impact:public_detail", args=[draft.pk])
    for role in ("anonymous", "lead", "staff"):
        assert client_as(role).get(url).status_code == 404
    actions.publish_entry(entry=draft, by=people["staff"])
    assert client_as("anonymous").get(url).status_code == 200
    actions.unpublish_entry(entry=draft, by=people["staff"])
    assert client_as("anonymous").get(url).status_code == 404
    assert "Draft change" not in public_page(client_as("anonymous"))


def test_names_shown_only_with_the_persons_own_consent(client, people):
    agreed, undecided, refused = people["coproducer"], people["coproducer_staff"], people["board"]
    entry = make_entry(
        by=people["staff"],
        people=[agreed, undecided, refused],
        consenting=[agreed],
        published=True,
    )
    actions.choose_consent(mention=entry.named.get(person=refused), given=False)
    page = public_page(client)
    assert agreed.name in page
    assert undecided.name not in page
    assert refused.name not in page


def test_withdrawing_consent_takes_the_name_off_at_once(client, people):
    person = people["coproducer"]
    entry = make_entry(by=people["staff"], people=[person], consenting=[person], published=True)
    detail = reverse("impact:public_detail", args=[entry.pk])
    assert person.name in public_page(client)
    assert person.name in client.get(detail).content.decode()
    actions.choose_consent(mention=entry.named.get(person=person), given=False)
    assert person.name not in public_page(client)
    assert person.name not in client.get(detail).content.decode()


def test_a_closed_account_is_not_named(client, people):
    person = people["coproducer"]
    make_entry(by=people["staff"], people=[person], consenting=[person], published=True)
    person.is_active = False
    person.save()
    assert person.name not in public_page(client)


def test_only_public_you_said_items_and_shared_project_titles_are_shown(client, people):
    project = make_project(
        lead=people["staff"], title="Team-only project", visibility=Project.Visibility.TEAM
    )
    shown = project_actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[], said="Said in public", public=True
    )
    hidden = project_actions.record_feedback(
        project=project, recorded_by=people["staff"], said_by=[], said="Said in private"
    )
    make_entry(by=people["staff"], project=project, feedback=[shown, hidden], published=True)
    page = public_page(client)
    assert "Said in public" in page
    assert "Said in private" not in page
    assert "Team-only project" not in page
    Project.objects.filter(pk=project.pk).update(visibility=Project.Visibility.PUBLIC)
    assert "Team-only project" in public_page(client)
    assert Feedback.objects.count() == 2


def test_everything_written_is_escaped(client, people):
    person = people["coproducer"]
    person.name = HOSTILE
    person.save()
    entry = make_entry(
        by=people["staff"],
        title=HOSTILE,
        what_changed=HOSTILE,
        evidence=HOSTILE,
        people=[person],
        consenting=[person],
        published=True,
    )
    for url in (reverse("impact:public_list"), reverse("impact:public_detail", args=[entry.pk])):
        page = client.get(url).content.decode()
        assert HOSTILE not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_the_public_site_links_to_the_impact_page(client):
    page = client.get(reverse("site:home")).content.decode()
    assert page.count(f'href="{reverse("impact:public_list")}"') >= 2  # navigation and footer
