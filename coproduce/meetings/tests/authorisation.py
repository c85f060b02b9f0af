from coproduce.tests.authorisation import NOT_FOUND, POST_ONLY, everyone, only

RUNS_MEETINGS = ("lead", "staff")
SEES_MEETINGS = ("administrator", "lead", "staff", "coproducer")


def sample_objects(people):
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.meetings import actions
    from coproduce.meetings.models import AccessAnswer, Answer, CalendarFeed, Invitation
    from coproduce.meetings.tests.factories import make_meeting, pdf
    from coproduce.people import actions as people_actions
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], coproducers=[people["coproducer"]])
    upcoming = make_meeting(organiser=people["staff"], project=project, title="Upcoming meeting")
    invitation = actions.invite(
        meeting=upcoming, people=[people["coproducer"]], invited_by=people["staff"]
    )[0]
    actions.reply(invitation=invitation, answer=Invitation.Reply.YES)
    material = actions.add_material(
        meeting=upcoming,
        kind="agenda",
        title="Agenda",
        sent_on=upcoming.papers_due_on,
        upload=pdf(),
        content_type="application/pdf",
        uploaded_by=people["staff"],
    )
    large_print = actions.add_format(
        material=material,
        format="large_print",
        sent_on=upcoming.papers_due_on,
        upload=pdf("large.pdf"),
        content_type="application/pdf",
    )
    past = make_meeting(organiser=people["staff"], project=project, days=-3, title="Past meeting")
    actions.invite(
        meeting=past,
        people=[people["coproducer"], people["coproducer_staff"]],
        invited_by=people["staff"],
    )
    past.invitations.update(reply=Invitation.Reply.YES)
    actions.record_attendance(
        meeting=past,
        minutes_by_person={people["coproducer"]: 120},
        recorded_by=people["staff"],
    )
    feedback = actions.give_feedback(
        meeting=past,
        person=people["coproducer_staff"],
        anonymous=False,
        access_needs_met=AccessAnswer.NO,
        listened_to=Answer.YES,
        could_say=Answer.PARTLY,
        anything_else="There was no hearing loop.",
    )
    feed = CalendarFeed.objects.create(person=people["coproducer"], token=CalendarFeed.new_token())
    # The co-producer supports three people: Sam lets them reply and see meetings, Kim
    # lets them only see meetings, and Lee has withdrawn what they gave.
    supported = {}
    for name, powers in (
        ("Sam", ["reply_to_invitations", "see_meetings_and_papers"]),
        ("Kim", ["see_meetings_and_papers"]),
        ("Lee", ["reply_to_invitations", "see_meetings_and_papers"]),
    ):
        person = UserFactory(
            email=f"{name.lower()}.supported@example.org", name=f"{name} Supported"
        )
        actions.invite(meeting=upcoming, people=[person], invited_by=people["staff"])
        supported[name] = people_actions.grant_authority(
            person=person, email=people["coproducer"].email, powers=powers
        )
    people_actions.withdraw_authority(
        person=supported["Lee"].person, authority_pk=supported["Lee"].pk
    )
    return {
        "meeting": upcoming,
        "past_meeting": past,
        "material": material,
        "format": large_print,
        "meeting_feedback": feedback,
        "calendar_feed": feed,
        "reply_token": actions.reply_token(invitation),
        "arrangement_project": project,
        "authority": supported["Sam"],
        "authority_to_see": supported["Kim"],
        "authority_withdrawn": supported["Lee"],
        "own_invitation": invitation,
        **_co_led_meetings(people, "co_led"),
        **_co_led_meetings(people, "left_co_led", left=True),
    }


def _co_led_meetings(people, name, left=False):
    """A project the sample co-producer co-leads (or co-led, and left today) with an
    upcoming and a past meeting they were not invited to, organised by its staff lead."""
    from coproduce.meetings import actions
    from coproduce.meetings.tests.factories import make_meeting, pdf
    from coproduce.projects import actions as project_actions
    from coproduce.projects.tests.factories import make_project

    project = make_project(lead=people["staff"], title=f"Meetings {name}")
    member = project_actions.add_team_member(
        project=project,
        person=people["coproducer"],
        kind="coproducer",
        role="Co-lead",
        co_lead=True,
    )
    if left:
        project_actions.end_team_membership(member=member)
    upcoming = make_meeting(organiser=people["staff"], project=project)
    material = actions.add_material(
        meeting=upcoming,
        kind="agenda",
        title="Agenda",
        sent_on=upcoming.papers_due_on,
        upload=pdf(),
        content_type="application/pdf",
        uploaded_by=people["staff"],
    )
    return {
        f"{name}_meeting": upcoming,
        f"{name}_material": material,
        f"{name}_past_meeting": make_meeting(organiser=people["staff"], project=project, days=-3),
    }


def acting(name="authority"):
    return lambda f: {"authority_pk": f[name].pk}


def replying(name="authority", invitation=None):
    def kwargs(f):
        chosen = invitation(f) if invitation else f[name].person.meeting_invitations.get()
        return {"authority_pk": f[name].pk, "invitation_pk": chosen.pk}

    return kwargs


def paper_for(name="authority", material="material"):
    return lambda f: {"authority_pk": f[name].pk, "material_pk": f[material].pk}


def format_for(name="authority"):
    return lambda f: {"authority_pk": f[name].pk, "format_pk": f["format"].pk}


def meeting(f):
    return {"pk": f["meeting"].pk}


def past(f):
    return {"pk": f["past_meeting"].pk}


def arrangement(f):
    from coproduce.meetings.models import Arrangement

    item, _ = Arrangement.objects.get_or_create(
        meeting=f["meeting"],
        code="quiet_room",
        defaults={"label": "Book a quiet room", "due_on": f["meeting"].papers_due_on},
    )
    return {"pk": f["meeting"].pk, "item_pk": item.pk}


ROWS = {
    "meetings:meeting_list": only(*SEES_MEETINGS),
    "meetings:accessible_papers_help": only(*SEES_MEETINGS),
    # The sample co-producer co-leads a project (see CASES), so arranges its meetings.
    "meetings:meeting_create": only(*RUNS_MEETINGS, "coproducer"),
    "meetings:venue_list": only(*RUNS_MEETINGS),
    "meetings:venue_create": only(*RUNS_MEETINGS),
    "meetings:venue_edit": only(
        *RUNS_MEETINGS, kwargs=lambda f: {"venue_pk": f["meeting"].venue_id}
    ),
    "meetings:feedback_overview": only(*RUNS_MEETINGS),
    "meetings:follow_ups": only("lead"),
    "meetings:follow_up": only("lead", kwargs=lambda f: {"feedback_pk": f["meeting_feedback"].pk}),
    "meetings:project_feedback": only(
        *RUNS_MEETINGS, kwargs=lambda f: {"project_pk": f["arrangement_project"].pk}
    ),
    "meetings:calendar_settings": only("lead", "staff", "coproducer"),
    "meetings:calendar_feed": everyone(
        kwargs=lambda f: {"token": f["calendar_feed"].token}, crawl=False
    ),
    "meetings:reply_by_link": everyone(kwargs=lambda f: {"token": f["reply_token"]}),
    "meetings:meeting_detail": only(*SEES_MEETINGS, kwargs=meeting),
    "meetings:meeting_edit": only(*RUNS_MEETINGS, kwargs=meeting),
    "meetings:meeting_ics": only(*SEES_MEETINGS, kwargs=meeting, crawl=False),
    "meetings:invite": only(*RUNS_MEETINGS, kwargs=meeting),
    "meetings:reply": only("coproducer", status=POST_ONLY, crawl=False, kwargs=meeting),
    "meetings:reply_on_behalf": only(*RUNS_MEETINGS, kwargs=meeting),
    # Built from passports: only those organising this meeting (its organiser, and
    # the lead and staff of its project), not every member of staff.
    "meetings:checklist": only("staff", kwargs=meeting),
    "meetings:checklist_update": only("staff", status=POST_ONLY, crawl=False, kwargs=meeting),
    "meetings:checklist_details": only("staff", kwargs=meeting),
    "meetings:arrangement_edit": only("staff", kwargs=arrangement),
    "meetings:arrangement_done": only("staff", status=POST_ONLY, crawl=False, kwargs=arrangement),
    "meetings:material_add": only(*RUNS_MEETINGS, kwargs=meeting),
    "meetings:format_add": only(
        *RUNS_MEETINGS, kwargs=lambda f: {"pk": f["meeting"].pk, "material_pk": f["material"].pk}
    ),
    "meetings:material_send": only(
        *RUNS_MEETINGS,
        status=POST_ONLY,
        crawl=False,
        kwargs=lambda f: {"pk": f["meeting"].pk, "material_pk": f["material"].pk},
    ),
    "meetings:material_download": only(
        *SEES_MEETINGS,
        crawl=False,
        kwargs=lambda f: {"pk": f["meeting"].pk, "material_pk": f["material"].pk},
    ),
    "meetings:format_download": only(
        *SEES_MEETINGS,
        crawl=False,
        kwargs=lambda f: {"pk": f["meeting"].pk, "format_pk": f["format"].pk},
    ),
    "meetings:attendance": only(*RUNS_MEETINGS, kwargs=past),
    "meetings:feedback": only("coproducer", kwargs=past),
    "meetings:feedback_results": only(*RUNS_MEETINGS, kwargs=past),
    # Only the supporter named, acting for the person who let them: nobody else, whatever
    # their role (docs/decisions/0034-supporters-acting-for-people.md).
    "meetings:acting_for": only("coproducer", kwargs=acting()),
    "meetings:reply_for": only("coproducer", kwargs=replying()),
    "meetings:paper_for": only("coproducer", crawl=False, kwargs=paper_for()),
    "meetings:format_for": only("coproducer", crawl=False, kwargs=format_for()),
}

CASES = {
    "meetings:acting_for": [
        only(kwargs=acting("authority_withdrawn"), notes="Withdrawn: refused at once."),
        only("coproducer", kwargs=acting("authority_to_see"), notes="May only see meetings."),
    ],
    "meetings:reply_for": [
        only(kwargs=replying("authority_withdrawn"), notes="Withdrawn: refused at once."),
        only(kwargs=replying("authority_to_see"), notes="May see meetings but not reply."),
        only(
            "coproducer",
            status=NOT_FOUND,
            kwargs=replying(invitation=lambda f: f["own_invitation"]),
            notes="Someone else's invitation (here the supporter's own) is not found.",
        ),
    ],
    "meetings:paper_for": [
        only(crawl=False, kwargs=paper_for("authority_withdrawn"), notes="Withdrawn: at once."),
        only(
            "coproducer",
            crawl=False,
            kwargs=paper_for("authority_to_see"),
            notes="Seeing meetings and papers is enough.",
        ),
        only(
            "coproducer",
            status=NOT_FOUND,
            crawl=False,
            kwargs=paper_for(material="co_led_material"),
            notes="A meeting the person is not invited to: not found.",
        ),
    ],
    "meetings:format_for": [
        only(crawl=False, kwargs=format_for("authority_withdrawn"), notes="Withdrawn: at once."),
        only(
            "coproducer",
            crawl=False,
            kwargs=format_for("authority_to_see"),
            notes="Seeing meetings and papers is enough.",
        ),
    ],
}


def _of(key):
    return lambda f: {"pk": f[key].pk}


def _paper(name):
    return lambda f: {"pk": f[f"{name}_meeting"].pk, "material_pk": f[f"{name}_material"].pk}


# A co-producer co-lead runs the meetings of the project they co-lead, as its staff
# lead does, invited or not, but never sees the checklist built from passports; after
# leaving the team, at once, they have none of it.
_RUN_BY_CO_LEAD = ("meetings:meeting_edit", "meetings:invite", "meetings:reply_on_behalf",
                   "meetings:material_add")  # fmt: skip
_CO_LEAD_CASES = {
    "meetings:meeting_detail": [
        only(*SEES_MEETINGS, kwargs=_of("co_led_meeting"), notes="They co-lead its project."),
        only(
            "administrator",
            *RUNS_MEETINGS,
            kwargs=_of("left_co_led_meeting"),
            notes="Not after leaving.",
        ),
    ],
    **{
        url: [
            only(*RUNS_MEETINGS, "coproducer", kwargs=_of("co_led_meeting"), notes="Co-lead."),
            only(*RUNS_MEETINGS, kwargs=_of("left_co_led_meeting"), notes="Not after leaving."),
        ]
        for url in _RUN_BY_CO_LEAD
    },
    "meetings:format_add": [
        only(*RUNS_MEETINGS, "coproducer", kwargs=_paper("co_led"), notes="Co-lead."),
        only(*RUNS_MEETINGS, kwargs=_paper("left_co_led"), notes="Not after leaving."),
    ],
    "meetings:material_download": [
        only(*SEES_MEETINGS, crawl=False, kwargs=_paper("co_led"), notes="Co-lead, not invited."),
        only(
            "administrator",
            *RUNS_MEETINGS,
            crawl=False,
            kwargs=_paper("left_co_led"),
            notes="Not after leaving.",
        ),
    ],
    "meetings:attendance": [
        only(*RUNS_MEETINGS, "coproducer", kwargs=_of("co_led_past_meeting"), notes="Co-lead."),
        only(*RUNS_MEETINGS, kwargs=_of("left_co_led_past_meeting"), notes="Not after leaving."),
    ],
    "meetings:checklist": [
        only("staff", kwargs=_of("co_led_meeting"), notes="Passports: never a co-lead."),
    ],
    "meetings:checklist_details": [
        only("staff", kwargs=_of("co_led_meeting"), notes="Passports: never a co-lead."),
    ],
    "meetings:feedback_results": [
        only(*RUNS_MEETINGS, kwargs=_of("co_led_past_meeting"), notes="Staff only, as before."),
    ],
}
CASES.update(_CO_LEAD_CASES)
