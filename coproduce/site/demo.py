"""Demo content for the public site: updates (one with an Easy Read version and a
picture), two case studies with consent recorded, spotlight stories in every
moderation state and a few messages; some with Welsh versions, some without, so both
show. Adds only what is missing."""

import struct
import zlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from .models import (
    AccessibilityStatement,
    Appearance,
    CaseStudy,
    Consent,
    ContactMessage,
    ContactTopic,
    FeaturedPerson,
    MessageStatus,
    Spotlight,
    SpotlightStatus,
    Status,
    Update,
)


def solid_png(width, height, rgb):
    """A small PNG of one colour, made here so the demo needs no image files."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


UPDATES = [
    {
        "slug": "our-co-production-journey-begins",
        "title": "Our co-production journey begins",
        "summary": (
            "We have agreed to share power with the Disabled people we work with. "
            "Here is what we will do first."
        ),
        "body": "Our board agreed this month that co-production will run through everything "
        "we do.\n\n"
        "## What we will do first\n\n- Pay everyone who takes part, quickly\n- Ask about "
        "access needs once\n"
        "- Tell people what changed because of them\n\nWe will post an update every month.",
        "easy_read": "We want to **share power** with Disabled people.\n\nWe will pay people "
        "who help us.\n\n"
        "We will ask about the help you need. We will only ask once.\n\nWe will tell you "
        "what changed.",
        "image_alt": "A purple square: the colour of our logo.",
        "days_ago": 40,
        "title_cy": "Dechrau ein taith cyd-gynhyrchu",
        "summary_cy": (
            "Rydym wedi cytuno i rannu grym gyda'r bobl anabl rydym yn gweithio gyda nhw. "
            "Dyma beth fyddwn ni'n ei wneud yn gyntaf."
        ),
        "body_cy": "Cytunodd ein bwrdd y mis hwn y bydd cyd-gynhyrchu yn rhan o bopeth a "
        "wnawn.\n\n"
        "## Beth fyddwn ni'n ei wneud yn gyntaf\n\n- Talu pawb sy'n cymryd rhan, yn gyflym\n"
        "- Gofyn am anghenion mynediad unwaith yn unig\n"
        "- Dweud wrth bobl beth newidiodd o'u herwydd\n\nByddwn yn rhannu diweddariad bob mis.",
    },
    {
        "slug": "what-our-first-workshop-taught-us",
        "title": "What our first workshop taught us",
        "summary": (
            "Twelve co-producers shaped our plan for the year. They changed three of "
            "our priorities."
        ),
        "body": "Twelve co-producers met with staff for a day.\n\nThey told us that waiting "
        "for payment was the "
        "biggest barrier, so paying within a week is now our first priority.",
        "days_ago": 20,
    },
    {
        "slug": "easy-read-by-default",
        "title": "Easy Read by default",
        "summary": "Every meeting paper now comes in Easy Read, written with people who use it.",
        "body": (
            "From this month every meeting paper has an Easy Read version. Two "
            "co-producers check each one."
        ),
        "days_ago": 5,
        "title_cy": "Hawdd ei Ddeall bob tro",
        "summary_cy": "Mae gan bob papur cyfarfod fersiwn Hawdd ei Ddeall bellach, wedi'i "
        "ysgrifennu gyda phobl sy'n defnyddio Hawdd ei Ddeall.",
        "body_cy": (
            "O'r mis hwn ymlaen, mae gan bob papur cyfarfod fersiwn Hawdd ei Ddeall. Mae dau "
            "gyd-gynhyrchydd yn gwirio pob un."
        ),
    },
    {
        "slug": "draft-next-steps",
        "title": "Next steps for the self-assessment (draft)",
        "summary": "A draft that is not public yet.",
        "body": "We are still writing this.",
        "draft": True,
    },
]

CASE_STUDIES = [
    {
        "slug": "redesigning-our-advice-line",
        "title": "Redesigning our advice line together",
        "summary": (
            "Co-producers redesigned how people reach our advice line, from the first "
            "idea to the launch."
        ),
        "body": "Callers told us the phone line was hard to use. A group of six co-producers "
        "led the redesign.\n\n"
        "## What changed\n\nPeople can now contact us by text, email, video call or BSL.",
        "easy_read": "People found our phone line hard to use.\n\nSix people helped us "
        "change it.\n\n"
        "Now you can text, email or video call us.",
        "project_name": "Advice line redesign",
        "title_cy": "Ailgynllunio ein llinell gyngor gyda'n gilydd",
        "summary_cy": (
            "Fe wnaeth cyd-gynhyrchwyr ailgynllunio sut mae pobl yn cysylltu â'n llinell "
            "gyngor, o'r syniad cyntaf hyd at y lansiad."
        ),
        "body_cy": "Dywedodd galwyr wrthym fod y llinell ffôn yn anodd ei defnyddio. "
        "Arweiniodd grŵp o chwe chyd-gynhyrchydd y gwaith o'i hailgynllunio.\n\n"
        "## Beth newidiodd\n\nGall pobl gysylltu â ni nawr drwy neges destun, e-bost, "
        "galwad fideo neu BSL.",
        "people": [("Priya Shah", Appearance.BOTH), ("Tom Evans", Appearance.NAMED)],
    },
    {
        "slug": "accessible-venues-guide",
        "title": "An accessible venues guide, written by the people who use them",
        "summary": (
            "Co-producers visited and rated every venue we use, and wrote a guide for staff."
        ),
        "body": (
            "Five co-producers visited twenty venues and rated them against a checklist they wrote."
        ),
        "project_name": "Accessible venues",
        "people": [("Grace Obi", Appearance.NAMED)],
    },
]

SPOTLIGHTS = [
    (
        SpotlightStatus.PUBLISHED,
        "Northside Disabled People's Forum",
        "Paying people on the day",
        "",
    ),
    (SpotlightStatus.SUBMITTED, "Riverside Carers Network", "Carers on our hiring panels", ""),
    (
        SpotlightStatus.CHANGES_REQUESTED,
        "Eastgate Deaf Community Group",
        "BSL-first meetings",
        "Could you say a little more about how you booked interpreters?",
    ),
    (
        SpotlightStatus.DECLINED,
        "Example Marketing Ltd",
        "Buy our survey tool",
        "This is advertising, not a story.",
    ),
]


def load(log):
    User = get_user_model()
    author = User.objects.filter(email="staff@example.org").first()
    now = timezone.now()
    added = 0
    for data in UPDATES:
        if Update.objects.filter(slug=data["slug"]).exists():
            continue
        update = Update(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            easy_read=data.get("easy_read", ""),
            title_cy=data.get("title_cy", ""),
            summary_cy=data.get("summary_cy", ""),
            body_cy=data.get("body_cy", ""),
            author=author,
            status=Status.DRAFT if data.get("draft") else Status.PUBLISHED,
            published_at=None if data.get("draft") else now - timedelta(days=data["days_ago"]),
        )
        if data.get("image_alt"):
            update.image.save(
                "journey.png", ContentFile(solid_png(64, 32, (76, 44, 146))), save=False
            )
            update.image_type = "image/png"
            update.image_alt = data["image_alt"]
        update.save()
        added += 1
    log(f"Public site updates added: {added}")

    added = 0
    for index, data in enumerate(CASE_STUDIES):
        if CaseStudy.objects.filter(slug=data["slug"]).exists():
            continue
        case_study = CaseStudy.objects.create(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            easy_read=data.get("easy_read", ""),
            title_cy=data.get("title_cy", ""),
            summary_cy=data.get("summary_cy", ""),
            body_cy=data.get("body_cy", ""),
            project_name=data["project_name"],
            featured=True,
            author=author,
            status=Status.PUBLISHED,
            published_at=now - timedelta(days=30 - index * 10),
        )
        for name, appearance in data["people"]:
            FeaturedPerson.objects.create(
                case_study=case_study,
                name=name,
                appearance=appearance,
                consent=Consent.GIVEN,
                consent_recorded_at=now,
                consent_note="Signed the demo consent form (made up).",
            )
        added += 1
    log(f"Case studies added: {added}")

    added = 0
    for status, organisation, title, message in SPOTLIGHTS:
        if Spotlight.objects.filter(title=title).exists():
            continue
        Spotlight.objects.create(
            organisation=organisation,
            contact_name="Demo contact",
            contact_email="spotlight@example.org",
            title=title,
            story=f"{organisation} told us how they work with the people they support.",
            what_worked="Asking people how they wanted to take part, and paying them.",
            what_learned="Start earlier, and give people time to read papers.",
            consent_to_publish=True,
            status=status,
            message_to_submitter=message,
            published_at=now if status == SpotlightStatus.PUBLISHED else None,
        )
        added += 1
    log(f"Spotlight stories added: {added}")

    if not ContactMessage.objects.exists():
        ContactMessage.objects.create(
            name="Alex Morgan",
            email="alex@example.org",
            topic=ContactTopic.TAKING_PART,
            message=(
                "I would like to join your next workshop. I use a wheelchair and need a quiet room."
            ),
            reply_preference="Email, please",
        )
        ContactMessage.objects.create(
            name="Sam Lee",
            email="sam@example.org",
            topic=ContactTopic.ACCESS,
            message="The PDF on your events page does not work with my screen reader.",
            status=MessageStatus.IN_PROGRESS,
        )
        log("Contact messages added: 2")

    if not AccessibilityStatement.objects.exists():
        # The shipped statement, with its first section in Welsh too: the others show in
        # English to Welsh readers, with a note saying so.
        statement = AccessibilityStatement.load()
        statement.scope_cy = (
            "Mae'r datganiad hwn yn berthnasol i'r wefan hon: y tudalennau cyhoeddus a phob "
            "tudalen a welwch ar ôl mewngofnodi, ar gyfer cyd-gynhyrchwyr, staff, cyllid, "
            "aelodau'r bwrdd a gweinyddwyr."
        )
        statement.save()
        log("Accessibility statement saved, its first section in Welsh too")
