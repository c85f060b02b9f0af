"""A person who chose Welsh gets every message's own words in Welsh, on every channel,
whoever sent it; a letters batch marks each letter with its own language."""

import pytest
from django.core import mail
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.notifications import actions, letters
from coproduce.people.models import Profile

pytestmark = pytest.mark.django_db


def person(email, language, **profile):
    user = User.objects.create_user(email=email, password="x" * 12, name="Siân Evans")
    user.language = language
    user.save()
    Profile.objects.create(user=user, contact_methods=["email"], **profile)
    return user


def test_an_email_to_a_welsh_speaker_is_framed_in_welsh(django_capture_on_commit_callbacks):
    sian = person("sian@example.org", "cy")
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(
            sian,
            "meetings.invitation",
            subject="Gwahoddiad",
            body="Dewch i'r cyfarfod.",
            url="/meetings/1/",
        )
    [email] = mail.outbox
    assert "Agorwch hi: http://127.0.0.1:8000/meetings/1/" in email.body
    assert "I newid sut rydyn ni'n cysylltu â chi" in email.body
    assert "Open it" not in email.body


def test_an_email_to_an_english_speaker_stays_in_english(django_capture_on_commit_callbacks):
    sam = person("sam@example.org", "")
    with django_capture_on_commit_callbacks(execute=True):
        actions.notify(sam, "meetings.invitation", subject="Invitation", body="Come.", url="/x/")
    assert "Open it: http://127.0.0.1:8000/x/" in mail.outbox[0].body


def test_each_letter_in_a_batch_is_in_its_own_language():
    common = {
        "address": ("3 Mill Lane", "Cardiff", "CF10 1AA"),
        "subject": "Subject",
        "paragraphs": ("Text.",),
        "large_print": False,
        "date": timezone.localdate().replace(month=3, day=1),
    }
    welsh = letters.Letter(name="Siân Evans", language="cy", **common)
    english = letters.Letter(name="Sam Jones", language="en-gb", **common)
    html = letters.render_html([welsh, english], title="Letters")
    assert '<html lang="en-GB">' in html
    welsh_part, english_part = html.split("<article")[1:]
    assert 'lang="cy"' in welsh_part and "Annwyl Siân Evans," in welsh_part
    assert "Mawrth" in welsh_part  # the date's month in Welsh
    assert 'lang="en-GB"' in english_part and "Dear Sam Jones," in english_part
    assert "March" in english_part
    only_welsh = letters.render_html([welsh], title="Llythyr")
    assert '<html lang="cy">' in only_welsh
