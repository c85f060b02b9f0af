from coproduce.tests.authorisation import POST_ONLY, everyone, only, signed_in


def sample_objects(people):
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.people import actions
    from coproduce.people.access import arrangements_for
    from coproduce.people.models import ExpressionOfInterest, ImportJob, SupportPerson
    from coproduce.people.tests.samples import fill_in_person
    from coproduce.projects.tests.factories import make_project

    # The co-producer's own pages show their own filled-in records; the staff
    # pages are about someone else, so the co-producer must be refused them.
    fill_in_person(people["coproducer"], staff=people["staff"])
    person = fill_in_person(
        UserFactory(email="alex.morgan@example.org", name="Alex Morgan", roles=["coproducer"]),
        staff=people["staff"],
    )
    # Staff work with Alex on a project team; the lead is helping Alex by phone
    # today and recorded why. Nobody works with Rowan.
    make_project(lead=people["staff"], coproducers=[person], title="Alex's project")
    actions.record_passport_reason(
        person=person, viewer=people["lead"], reason="Helping them by phone to fill in a claim"
    )
    arrangements_for(person, people["lead"], "Planning the March workshop")
    stranger = fill_in_person(
        UserFactory(email="rowan.ellis@example.org", name="Rowan Ellis", roles=["coproducer"]),
        staff=people["staff"],
    )
    interest = ExpressionOfInterest.objects.create(
        name="Morgan Lee",
        email="morgan.lee@example.org",
        phone="07700 900789",
        interests=["health", "research"],
        about="I use a wheelchair and want to help improve hospital transport.",
        access_to_talk="Please phone me rather than email.",
    )
    ready = ImportJob.objects.create(
        uploaded_by=people["lead"],
        filename="contacts-2025.csv",
        headers=["Full name", "Email", "Mobile"],
        rows=[["Ada Brown", "ada@example.org", "07700 900001"], ["", "not-an-email", ""]],
        total=2,
        mapping={"name": "0", "email": "1", "phone": "2"},
        status=ImportJob.Status.READY,
    )
    done = ImportJob.objects.create(
        uploaded_by=people["lead"],
        filename="old-list.xlsx",
        headers=["Name", "Email"],
        total=3,
        processed=3,
        imported=2,
        status=ImportJob.Status.DONE,
        errors=[{"row": 3, "problems": ["the email address is missing"]}],
    )
    authority = actions.grant_authority(
        person=people["coproducer"], email=person.email, powers=["reply_to_invitations"]
    )
    return {
        "authority_given": authority,
        "profile": person,
        "supporter": SupportPerson.objects.get(profile__user=people["coproducer"]),
        "interest": interest,
        "ready_import": ready,
        "done_import": done,
        "stranger": stranger,
    }


def about_coproducer(**row):
    return {"kwargs": lambda f: {"pk": f["profile"].pk}, **row}


ROWS = {
    "people:my_profile": signed_in(),
    "people:edit_profile": signed_in(),
    "people:add_supporter": signed_in(),
    "people:remove_supporter": signed_in(
        POST_ONLY, crawl=False, kwargs=lambda f: {"pk": f["supporter"].pk}
    ),
    "people:grant_authority": signed_in(),
    # Anyone may post; only the person who gave it withdraws it (tested in test_supporters).
    "people:withdraw_authority": signed_in(
        POST_ONLY, crawl=False, kwargs=lambda f: {"pk": f["authority_given"].pk}
    ),
    "people:supporting": signed_in(),
    "people:my_passport": signed_in(),
    "people:edit_passport": signed_in(),
    "people:my_consent": signed_in(),
    "people:my_equality": signed_in(),
    "people:my_history": signed_in(),
    "people:person_list": only("administrator", "lead", "staff"),
    "people:add_person": only("administrator", "lead", "staff"),
    "people:person_detail": only("administrator", "lead", "staff", **about_coproducer()),
    "people:person_passport": only(
        "lead",
        "staff",
        **about_coproducer(
            notes="Staff who work with the person (here: on a team they run) and the lead "
            "who recorded a reason today. Administrators, finance and board never."
        ),
    ),
    "people:record_passport_reason": only("lead", "staff", **about_coproducer()),
    "people:assist_profile": only("lead", "staff", **about_coproducer()),
    "people:assist_passport": only(
        "lead", "staff", **about_coproducer(notes="Its form shows the passport: same rule.")
    ),
    "people:assist_consent": only("lead", "staff", **about_coproducer()),
    "people:join": everyone(),
    "people:join_thanks": everyone(),
    "people:interest_list": only("lead"),
    "people:interest_review": only("lead", kwargs=lambda f: {"pk": f["interest"].pk}),
    "people:import_start": only("lead", "administrator"),
    "people:import_columns": only(
        "lead", "administrator", kwargs=lambda f: {"pk": f["ready_import"].pk}
    ),
    "people:import_preview": only(
        "lead", "administrator", kwargs=lambda f: {"pk": f["ready_import"].pk}
    ),
    "people:import_progress": only(
        "lead", "administrator", kwargs=lambda f: {"pk": f["done_import"].pk}
    ),
}


def about_stranger(**row):
    return {"kwargs": lambda f: {"pk": f["stranger"].pk}, **row}


CASES = {
    "people:person_passport": [
        only(**about_stranger(notes="Nobody works with them or gave a reason: refused to all."))
    ],
    "people:assist_passport": [only(**about_stranger(notes="Refused, as their passport is."))],
    "people:record_passport_reason": [only("lead", "staff", **about_stranger())],
    "people:person_detail": [
        only(
            "administrator", "lead", "staff", **about_stranger(notes="A profile is not a passport.")
        )
    ],
}
