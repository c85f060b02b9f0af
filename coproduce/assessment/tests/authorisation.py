from coproduce.tests.authorisation import POST_ONLY, only

STAFF = ("administrator", "lead", "staff", "finance")


def sample_objects(people):
    from datetime import timedelta

    from django.utils import timezone

    from coproduce.assessment import actions
    from coproduce.assessment.tests.factories import open_round

    round_ = open_round(lead=people["lead"])
    action = actions.raise_action(
        created_by=people["lead"],
        round=round_,
        area="practice",
        what="Offer every meeting paper in Easy Read.",
        owner=people["staff"],
        due_on=timezone.localdate() + timedelta(days=30),
    )
    # The sample co-producer co-owns the action, so they may step down from it.
    actions.add_co_owner(action=action, person=people["coproducer"], by=people["staff"])
    done = actions.raise_action(
        created_by=people["lead"],
        round=round_,
        area="review",
        what="Agree the audit's questions with co-producers.",
        owner=people["staff"],
        due_on=timezone.localdate() + timedelta(days=30),
    )
    actions.update_action(action=done, status="done", note="Agreed.", author=people["staff"])
    return {"assessment_round": round_, "assessment_action": action, "assessment_done": done}


def round_(f):
    return {"pk": f["assessment_round"].pk}


def action(f):
    return {"pk": f["assessment_action"].pk}


def done_action(f):
    return {"pk": f["assessment_done"].pk}


ROWS = {
    "assessment:round_list": only(*STAFF, "coproducer"),
    "assessment:round_create": only("lead"),
    # Co-producers see the results they helped make (suppressed as for the lead), not
    # the comments people wrote.
    "assessment:round_detail": only("administrator", "lead", "coproducer", kwargs=round_),
    "assessment:round_close": only("lead", status=POST_ONLY, crawl=False, kwargs=round_),
    "assessment:answer": only(
        *STAFF, kwargs=lambda f: {"pk": f["assessment_round"].pk, "perspective": "staff"}
    ),
    "assessment:action_list": only(*STAFF, "coproducer"),
    "assessment:action_create": only("lead"),
    "assessment:action_detail": only(*STAFF, "coproducer", kwargs=action),
    "assessment:action_edit": only("lead", kwargs=action),
    # Any co-producer may volunteer to co-own an action not done yet.
    "assessment:action_co_own": only("coproducer", status=POST_ONLY, crawl=False, kwargs=action),
    # The lead and the action's owner (the sample's owner is `staff`) add co-owners.
    "assessment:action_co_owner_add": only(
        "lead", "staff", status=POST_ONLY, crawl=False, kwargs=action
    ),
    # ...and remove them; a co-owner (the sample co-producer) may step down.
    "assessment:action_co_owner_remove": only(
        "lead", "staff", "coproducer", status=POST_ONLY, crawl=False, kwargs=action
    ),
    "assessment:action_comment": only(
        *STAFF, "coproducer", status=POST_ONLY, crawl=False, kwargs=action
    ),
}


CASES = {
    "assessment:action_co_own": [
        only(status=POST_ONLY, crawl=False, kwargs=done_action, notes="A done action: refused.")
    ],
    "assessment:action_co_owner_add": [
        only(status=POST_ONLY, crawl=False, kwargs=done_action, notes="A done action: refused.")
    ],
    "assessment:action_co_owner_remove": [
        only(
            "lead",
            "staff",
            status=POST_ONLY,
            crawl=False,
            kwargs=done_action,
            notes="The co-producer does not co-own this one: only the lead and its owner.",
        )
    ],
}
