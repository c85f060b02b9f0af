from coproduce.tests.authorisation import NOT_FOUND, POST_ONLY, Row, everyone, only, signed_in

STAFF = ("administrator", "lead", "staff", "finance")
RECORDS = ("administrator", "lead", "staff")


def sample_objects(people):
    from coproduce.impact.tests.factories import evidence_pdf, make_entry

    published = make_entry(
        by=people["staff"],
        title="Meeting papers now go out a week ahead",
        people=[people["coproducer"]],
        consenting=[people["coproducer"]],
        published=True,
        evidence_file=evidence_pdf(),
    )
    draft = make_entry(by=people["staff"], title="Commissioners agree to co-produce short breaks")
    return {"impact_published": published, "impact_draft": draft}


def published(f):
    return {"pk": f["impact_published"].pk}


def draft(f):
    return {"pk": f["impact_draft"].pk}


ROWS = {
    "impact:public_list": everyone(),
    "impact:public_detail": everyone(kwargs=published),
    "impact:entry_list": only(*STAFF),
    "impact:entry_create": only(*RECORDS),
    "impact:mentions": signed_in(),
    # The co-producer is named in this entry, so they may read it and choose.
    "impact:entry_detail": only(*STAFF, "coproducer", kwargs=published),
    "impact:entry_edit": only(*RECORDS, kwargs=published),
    "impact:entry_publish": only("lead", "staff", status=POST_ONLY, crawl=False, kwargs=published),
    "impact:entry_consent": only("coproducer", status=POST_ONLY, crawl=False, kwargs=published),
    "impact:evidence_file": only(*STAFF, "coproducer", crawl=False, kwargs=published),
}

CASES = {
    "impact:public_detail": [
        Row(
            {role: NOT_FOUND for role in ROWS["impact:public_list"].expect},
            kwargs=draft,
            notes="An entry not published is not found at its public address, even by staff.",
        )
    ],
    "impact:entry_detail": [
        only(*STAFF, kwargs=draft, notes="Someone not named in an entry cannot read it."),
    ],
    "impact:entry_consent": [
        only(
            status=POST_ONLY,
            crawl=False,
            kwargs=draft,
            notes="Only a person named in the entry chooses; nobody else is named in this one.",
        ),
    ],
    "impact:evidence_file": [
        only(
            *STAFF,
            status=NOT_FOUND,
            crawl=False,
            kwargs=draft,
            notes="An entry with no file: nothing to download; others may not ask.",
        ),
    ],
}
