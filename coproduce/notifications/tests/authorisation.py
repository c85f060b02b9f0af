from coproduce.tests.authorisation import POST_ONLY, only, signed_in


def sample_objects(people):
    from coproduce.notifications.actions import notify

    notification = notify(
        people["coproducer"],
        "meetings.invitation",
        subject="Invitation: Planning group",
        body="You are invited to the planning group on Tuesday.",
        url="/notifications/",
    )
    return {"notification": notification}


def mine(f):
    return {"pk": f["notification"].pk}


ROWS = {
    "notifications:list": signed_in(),
    "notifications:detail": only("coproducer", kwargs=mine),
    "notifications:mark_read": only("coproducer", status=POST_ONLY, crawl=False, kwargs=mine),
    "notifications:mark_all_read": signed_in(POST_ONLY, crawl=False),
    "notifications:preferences": signed_in(),
    "notifications:deliveries": only("administrator", "lead"),
}
