"""Staff write a Welsh version of public content; people who chose Welsh see it, marked
lang="cy", and see a note when there is only English. Search finds either language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from coproduce.site.models import AccessibilityStatement, PageKey, SitePage, Update

from .helpers import make_case_study, make_update

pytestmark = pytest.mark.django_db

# The note is in the reader's language: "Dim ond yn Saesneg y mae hwn ar gael."
ONLY_ENGLISH = "Dim ond yn Saesneg y mae hwn ar gael."


def in_welsh(client, url, **params):
    """A page as someone who chose Welsh sees it, whether the language comes from the
    cookie (LocaleMiddleware) or is simply active."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    with translation.override("cy"):
        return client.get(url, params, HTTP_ACCEPT_LANGUAGE="cy").content.decode()


def test_a_welsh_reader_sees_the_welsh_version_marked_as_welsh(client):
    make_update(
        slug="journey",
        title="Our journey",
        title_cy="Ein taith",
        summary="Where we started.",
        summary_cy="Lle dechreuon ni.",
        body="We agreed to **share power**.",
        body_cy="Cytunon ni i **rannu grym**.",
    )
    page = in_welsh(client, reverse("site:update_detail", args=["journey"]))
    assert '<h1 class="govuk-heading-l" lang="cy">Ein taith</h1>' in page
    assert (
        '<div lang="cy"><p class="govuk-body">Cytunon ni i <strong>rannu grym</strong>.</p>' in page
    )
    assert "share power" not in page and ONLY_ENGLISH not in page
    listing = in_welsh(client, reverse("site:update_list"))
    assert "Ein taith" in listing and "Lle dechreuon ni." in listing


def test_english_readers_see_the_english_version(client):
    make_update(slug="journey", title="Our journey", title_cy="Ein taith", body_cy="Testun.")
    with translation.override("en-gb"):
        page = client.get(reverse("site:update_detail", args=["journey"])).content.decode()
    assert 'lang="en-GB">Our journey</h1>' in page and "Ein taith" not in page


def test_only_english_is_shown_with_a_note_and_marked_english(client):
    make_case_study(slug="advice", status="published", title="Advice line", body="English only.")
    page = in_welsh(client, reverse("site:case_study_detail", args=["advice"]))
    assert 'lang="en-GB">Advice line</h1>' in page
    assert '<div lang="en-GB"><p class="govuk-body">English only.</p>' in page
    assert ONLY_ENGLISH in page  # until the Welsh catalogue translates the note itself


def test_staff_write_the_welsh_version_in_its_own_fieldset(client_as):
    client = client_as("lead")
    form = client.get(reverse("site:update_create")).content.decode()
    assert "Welsh version (optional)" in form
    assert 'name="title_cy"' in form and 'lang="cy"' in form
    response = client.post(
        reverse("site:update_create"),
        {
            "title": "Paying people quickly",
            "summary": "We pay within a week.",
            "body": "We pay within a week.",
            "status": "published",
            "title_cy": "Talu pobl yn gyflym",
            "summary_cy": "Rydym yn talu o fewn wythnos.",
            "body_cy": "Rydym yn talu o fewn **wythnos**.",
        },
    )
    assert response.status_code == 302
    update = Update.objects.get(title="Paying people quickly")
    assert update.title_cy == "Talu pobl yn gyflym"
    assert (
        update.body_html_cy
        == '<p class="govuk-body">Rydym yn talu o fewn <strong>wythnos</strong>.</p>'
    )


def test_search_finds_the_welsh_version_and_shows_it_to_welsh_readers(client):
    make_update(slug="pay", title="Paying people", title_cy="Talu pobl", body_cy="Taliadau.")
    page = in_welsh(client, reverse("site:search"), q="taliadau")
    assert '<h3 class="govuk-heading-s govuk-!-margin-bottom-1" lang="cy">' in page
    assert "Talu pobl" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-gb"
    english = client.get(reverse("site:search"), {"q": "taliadau"}).content.decode()
    assert "Paying people" in english


def test_the_privacy_notice_and_accessibility_statement_have_welsh_versions(client_as):
    lead = client_as("lead")
    page = SitePage.load(PageKey.PRIVACY)
    page.body_cy = "Sut rydym yn defnyddio eich gwybodaeth."
    page.save()
    statement = AccessibilityStatement.load()
    statement.scope_cy = "Datganiad hygyrchedd y wefan hon."
    statement.save()
    privacy = in_welsh(lead, reverse("site:privacy"))
    assert (
        '<div lang="cy"><p class="govuk-body">Sut rydym yn defnyddio eich gwybodaeth.</p>'
        in privacy
    )
    shown = in_welsh(lead, reverse("site:accessibility"))
    assert '<div lang="cy"><p class="govuk-body">Datganiad hygyrchedd y wefan hon.</p>' in shown
    assert ONLY_ENGLISH in shown  # the other sections are only in English
    form = lead.get(reverse("site:statement_edit")).content.decode()  # still in Welsh
    assert "Fersiwn Gymraeg (dewisol)" in form and 'name="scope_cy"' in form
