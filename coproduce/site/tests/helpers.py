from django.utils import timezone

from coproduce.site.models import CaseStudy, Spotlight, SpotlightStatus, Status, Update


def make_update(slug="an-update", status=Status.PUBLISHED, **fields):
    defaults = {"title": f"Update {slug}", "summary": "A summary.", "body": "Some text."}
    return Update.objects.create(slug=slug, status=status, **{**defaults, **fields})


def make_case_study(slug="a-case-study", status=Status.DRAFT, **fields):
    defaults = {"title": f"Case study {slug}", "summary": "A summary.", "body": "Some text."}
    return CaseStudy.objects.create(slug=slug, status=status, **{**defaults, **fields})


def make_spotlight(status=SpotlightStatus.SUBMITTED, **fields):
    defaults = {
        "organisation": "Hilltop DPO",
        "contact_name": "Jo",
        "contact_email": "jo@example.org",
        "title": "Paying on the day",
        "story": "We pay people on the day.",
        "what_worked": "Asking first.",
        "what_learned": "Start earlier.",
        "consent_to_publish": True,
        "published_at": timezone.now() if status == SpotlightStatus.PUBLISHED else None,
    }
    return Spotlight.objects.create(status=status, **{**defaults, **fields})


SPOTLIGHT_POST = {
    "organisation": "Hilltop DPO",
    "contact_name": "Jo Bloggs",
    "contact_email": "jo@example.org",
    "title": "Carers on our hiring panels",
    "story": "Carers sit on every hiring panel.",
    "what_worked": "Paying them for their time.",
    "what_learned": "Send papers a week before.",
    "consent_to_publish": "on",
}

CONTACT_POST = {
    "name": "Alex Morgan",
    "email": "alex@example.org",
    "topic": "taking_part",
    "message": "I would like to join your next workshop.",
    "reply_preference": "Email",
}
