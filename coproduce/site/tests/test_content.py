"""What people type is cleaned; pictures need describing; uploads are checked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from coproduce.site.content import render_markdown
from coproduce.site.demo import solid_png
from coproduce.site.forms import UpdateForm
from coproduce.site.models import Status

from .helpers import make_update

pytestmark = pytest.mark.django_db

NASTY = (
    "# Heading\n\nHello <script>alert('x')</script> there.\n\n"
    "<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) "
    '<a href="https://example.org" onclick="steal()">ok</a> <iframe src="https://evil.example"></iframe>'
    '<p style="color:red" onmouseover="x()">styled</p>'
)


def test_markdown_is_sanitised():
    html = render_markdown(NASTY)
    lowered = html.lower()
    for banned in (
        "<script",
        "onerror",
        "javascript:",
        "onclick",
        "<iframe",
        "style=",
        "onmouseover",
        "<img",
    ):
        assert banned not in lowered, banned
    # A Markdown top heading becomes h2: the page title is the only h1.
    assert '<h2 class="govuk-heading-m">Heading</h2>' in html
    assert "<h1" not in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer"' in html


def test_a_published_update_page_never_carries_script_from_its_text(client):
    make_update("nasty", body=NASTY, easy_read=NASTY)
    for name in ("site:update_detail", "site:update_easy_read"):
        page = client.get(reverse(name, args=["nasty"])).content.decode().lower()
        assert "alert(" not in page and "onerror" not in page and "steal()" not in page


def test_spotlight_text_is_shown_as_text_not_html(client):
    from coproduce.site.models import SpotlightStatus

    from .helpers import make_spotlight

    spotlight = make_spotlight(
        status=SpotlightStatus.PUBLISHED, story="<script>alert(1)</script><b>bold</b>"
    )
    page = client.get(reverse("site:spotlight_detail", args=[spotlight.pk])).content.decode()
    assert "<script>alert(1)" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def story_data(**extra):
    return {
        "title": "A picture story",
        "slug": "",
        "summary": "Summary",
        "body": "Text",
        "status": "draft",
        **extra,
    }


def test_a_picture_must_be_described():
    image = SimpleUploadedFile("photo.png", solid_png(4, 4, (0, 0, 0)), content_type="image/png")
    form = UpdateForm(story_data(image_alt=""), {"image": image})
    assert not form.is_valid()
    assert "Describe the picture" in form.errors["image_alt"][0]
    image.seek(0)
    form = UpdateForm(story_data(image_alt="A black square"), {"image": image})
    assert form.is_valid(), form.errors
    update = form.save()
    assert update.image_type == "image/png" and update.slug == "a-picture-story"


def test_a_renamed_file_is_not_accepted_as_a_picture():
    fake = SimpleUploadedFile(
        "photo.png", b"<html><script>alert(1)</script></html>", content_type="image/png"
    )
    form = UpdateForm(story_data(image_alt="x"), {"image": fake})
    assert not form.is_valid()
    assert "do not match its type" in form.errors["image"][0]


def test_other_file_types_are_refused():
    svg = SimpleUploadedFile(
        "photo.svg", b"<svg onload='alert(1)'></svg>", content_type="image/svg+xml"
    )
    form = UpdateForm(story_data(image_alt="x"), {"image": svg})
    assert not form.is_valid()
    assert "must be one of these types" in form.errors["image"][0]


@override_settings(COPRODUCE_UPLOAD_MAX_BYTES=100)
def test_big_files_are_refused():
    big = SimpleUploadedFile(
        "photo.png", solid_png(200, 200, (9, 9, 9)) + b"\0" * 200, content_type="image/png"
    )
    form = UpdateForm(story_data(image_alt="x"), {"image": big})
    assert not form.is_valid()
    assert "smaller than" in form.errors["image"][0]


def test_slugs_stay_unique(client_as):
    make_update("a-picture-story")
    form = UpdateForm(story_data())
    assert form.is_valid(), form.errors
    assert form.save().slug == "a-picture-story-2"


def test_staff_write_and_publish_an_update(client_as):
    client = client_as("staff")
    response = client.post(
        reverse("site:update_create"),
        story_data(
            title="Our new rates", body="We pay more now.", status=Status.PUBLISHED, publish_date=""
        ),
    )
    assert response.status_code == 302
    assert (
        client_as("anonymous")
        .get(reverse("site:update_detail", args=["our-new-rates"]))
        .status_code
        == 200
    )
