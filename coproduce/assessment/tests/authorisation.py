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
    return {"assessment_round": round_, "assessment_action": action}


def round_(f):
    return {"pk": f["assessment_round"].pk}


def action(f):
    return {"pk": f["assessment_action"].pk}


ROWS = {
    "assessment:round_list": only(*STAFF, "coproducer"),
    "assessment:round_create": only("lead"),
    "assessment:round_detail": only("administrator", "lead", kwargs=round_),
    "assessment:round_close": only("lead", status=POST_ONLY, crawl=False, kwargs=round_),
    "assessment:answer": only(
        *STAFF, kwargs=lambda f: {"pk": f["assessment_round"].pk, "perspective": "staff"}
    ),
    "assessment:action_list": only(*STAFF),
    "assessment:action_create": only("lead"),
    "assessment:action_detail": only(*STAFF, kwargs=action),
    "assessment:action_edit": only("lead", kwargs=action),
}
