from coproduce.tests.authorisation import NOT_FOUND, POST_ONLY, Row, everyone, only


def sample_objects(people):
    """Realistic public-site content for the table test and the accessibility crawl."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from coproduce.site.demo import solid_png
    from coproduce.site.models import (
        AccessibilityCheck,
        Appearance,
        CaseStudy,
        Consent,
        ContactMessage,
        ContactTopic,
        FeaturedPerson,
        Spotlight,
        SpotlightFile,
        SpotlightStatus,
        Status,
        Update,
    )

    update = Update(
        title="Our first co-produced workshop",
        slug="first-workshop",
        summary="Twelve co-producers changed three of our priorities.",
        body="We met for a day.\n\n## What changed\n\n- Paying within a week\n- Easy Read papers",
        easy_read="We met for a day.\n\nYou told us to **pay faster**.",
        image_alt="Twelve people round a table, talking and laughing.",
        image_type="image/png",
        status=Status.PUBLISHED,
        author=people["staff"],
    )
    update.image.save("workshop.png", ContentFile(solid_png(40, 20, (76, 44, 146))), save=False)
    update.save()
    draft = Update.objects.create(
        title="A draft nobody may see yet",
        slug="draft-update",
        summary="Not ready.",
        body="Still writing.",
    )
    case_study = CaseStudy.objects.create(
        title="Redesigning the advice line",
        slug="advice-line",
        summary="Co-producers led the redesign from first idea to launch.",
        body="Six co-producers led it.",
        easy_read="Six people helped us change our phone line.",
        project_name="Advice line",
        featured=True,
        status=Status.PUBLISHED,
        author=people["staff"],
    )
    person = FeaturedPerson.objects.create(
        case_study=case_study,
        name="Priya Shah",
        appearance=Appearance.BOTH,
        consent=Consent.GIVEN,
        consent_recorded_at=timezone.now(),
        consent_note="Signed form, kept in the project folder.",
    )
    draft_case_study = CaseStudy.objects.create(
        title="Accessible venues guide", slug="venues-guide", summary="A draft.", body="Draft."
    )
    spotlights = {}
    for status in SpotlightStatus.values:
        spotlights[status] = Spotlight.objects.create(
            organisation=f"Sample organisation ({status})",
            contact_name="Jo Bloggs",
            contact_email=f"{status}@example.org",
            title=f"Sample story ({status})",
            story="We pay people on the day.",
            what_worked="Asking people first.",
            what_learned="Start earlier.",
            consent_to_publish=True,
            status=status,
            message_to_submitter="Please say more about interpreters."
            if status == SpotlightStatus.CHANGES_REQUESTED
            else "",
            published_at=timezone.now() if status == SpotlightStatus.PUBLISHED else None,
        )
    spotlight_file = SpotlightFile(
        spotlight=spotlights[SpotlightStatus.SUBMITTED],
        original_name="notes.txt",
        content_type="text/plain",
        size=5,
    )
    spotlight_file.file.save("notes.txt", ContentFile(b"notes"), save=False)
    spotlight_file.save()
    message = ContactMessage.objects.create(
        name="Alex Morgan",
        email="alex@example.org",
        topic=ContactTopic.TAKING_PART,
        message="I would like to join your next workshop.",
        reply_preference="Email",
    )
    AccessibilityCheck.objects.create(
        checked_on=timezone.localdate(), pages_checked=120, problems_found=0
    )
    return {
        "update": update,
        "draft_update": draft,
        "case_study": case_study,
        "draft_case_study": draft_case_study,
        "featured_person": person,
        "spotlights": spotlights,
        "spotlight_file": spotlight_file,
        "contact_message": message,
    }


def writers(**row):
    return only("lead", "staff", **row)


def lead(**row):
    return only("lead", **row)


def update_slug(f):
    return {"slug": f["update"].slug}


def case_study_slug(f):
    return {"slug": f["case_study"].slug}


def case_study_pk(f):
    return {"pk": f["case_study"].pk}


def person_kwargs(f):
    return {"pk": f["case_study"].pk, "person_pk": f["featured_person"].pk}


ROWS = {
    # Public pages
    "site:home": everyone(),
    "site:home_easy_read": everyone(),
    "site:get_involved": everyone(),
    "site:get_involved_easy_read": everyone(),
    "site:payment_policy": everyone(),
    "site:payment_policy_easy_read": everyone(),
    "site:privacy": everyone(),
    "site:privacy_easy_read": everyone(),
    "site:accessibility": everyone(),
    "site:contact": everyone(),
    "site:contact_sent": everyone(),
    "site:search": everyone(),
    "site:update_list": everyone(),
    "site:update_feed": everyone(crawl=False, notes="Atom XML, not a page."),
    "site:update_detail": everyone(kwargs=update_slug),
    "site:update_easy_read": everyone(kwargs=update_slug),
    "site:update_image": everyone(kwargs=update_slug, crawl=False),
    "site:case_study_list": everyone(),
    "site:case_study_detail": everyone(kwargs=case_study_slug),
    "site:case_study_easy_read": everyone(kwargs=case_study_slug),
    "site:case_study_image": everyone(
        NOT_FOUND,
        kwargs=case_study_slug,
        crawl=False,
        notes="The sample case study has no picture.",
    ),
    "site:spotlight_list": everyone(),
    "site:spotlight_submit": everyone(),
    "site:spotlight_sent": everyone(),
    "site:spotlight_change": everyone(
        kwargs=lambda f: {"token": f["spotlights"]["changes_requested"].change_token},
        notes="The submitter's own link; the token is the permission.",
    ),
    "site:spotlight_detail": everyone(kwargs=lambda f: {"pk": f["spotlights"]["published"].pk}),
    # Managing the public site
    "site:manage": writers(),
    "site:manage_updates": writers(),
    "site:update_create": writers(),
    "site:update_edit": writers(kwargs=lambda f: {"pk": f["update"].pk}),
    "site:manage_case_studies": writers(),
    "site:case_study_create": writers(),
    "site:case_study_manage": writers(kwargs=case_study_pk),
    "site:case_study_edit": writers(kwargs=case_study_pk),
    "site:case_study_publish": lead(status=POST_ONLY, kwargs=case_study_pk, crawl=False),
    "site:featured_person_consent": writers(kwargs=person_kwargs),
    "site:featured_person_remove": writers(status=POST_ONLY, kwargs=person_kwargs, crawl=False),
    "site:spotlight_queue": lead(),
    "site:spotlight_review": lead(kwargs=lambda f: {"pk": f["spotlights"]["submitted"].pk}),
    "site:spotlight_file": lead(
        kwargs=lambda f: {
            "pk": f["spotlight_file"].spotlight_id,
            "file_pk": f["spotlight_file"].pk,
        },
        crawl=False,
    ),
    "site:inbox": lead(),
    "site:inbox_detail": lead(kwargs=lambda f: {"pk": f["contact_message"].pk}),
    "site:manage_pages": lead(),
    "site:statement_edit": lead(),
    "site:page_edit": lead(kwargs=lambda f: {"key": "privacy"}),
}
assert all(isinstance(row, Row) for row in ROWS.values())
