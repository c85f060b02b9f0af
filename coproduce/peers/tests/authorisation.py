from coproduce.tests.authorisation import only

STAFF = ("administrator", "lead", "staff", "finance")


def sample_objects(people):
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.peers import actions

    coproducer, lead = people["coproducer"], people["lead"]
    supporter = people["coproducer_staff"]
    actions.save_offer(
        person=supporter,
        can_offer="Someone to talk to before meetings.",
        ways=["phone"],
        use_lived_experience=False,
        available=True,
    )
    waiting = UserFactory(name="Waiting Person", roles=["coproducer"])
    open_request = actions.ask_for_support(
        person=waiting,
        hoping_for="Help with my first meeting.",
        ways=["phone"],
        use_lived_experience=False,
    )
    paired = actions.ask_for_support(
        person=coproducer,
        hoping_for="Someone to talk to.",
        ways=["phone"],
        use_lived_experience=False,
    )
    pairing = actions.pair(request=paired, supporter=supporter, by=lead)
    others = actions.pair(
        request=actions.ask_for_support(
            person=UserFactory(name="Someone Else", roles=["coproducer"]),
            hoping_for="Company.",
            ways=["phone"],
            use_lived_experience=False,
        ),
        supporter=supporter,
        by=lead,
    )
    group = actions.start_group(name="Lived experience panel", purpose="Peers", by=coproducer)
    staff_group = actions.start_group(name="Housing panel", purpose="Housing", by=waiting)
    actions.add_member(group=staff_group, person=people["staff"], by=waiting)
    return {
        "peers_request": open_request,
        "peers_pairing": pairing,
        "peers_others_pairing": others,
        "peers_group": group,
        "peers_staff_group": staff_group,
    }


def request(f):
    return {"pk": f["peers_request"].pk}


def pairing(f):
    return {"pk": f["peers_pairing"].pk}


def others_pairing(f):
    return {"pk": f["peers_others_pairing"].pk}


def group(f):
    return {"pk": f["peers_group"].pk}


def staff_group(f):
    return {"pk": f["peers_staff_group"].pk}


ROWS = {
    "peers:home": only("lead", "coproducer"),
    "peers:offer": only("coproducer"),
    "peers:ask": only("coproducer"),
    "peers:request_detail": only("lead", kwargs=request),
    "peers:pairing_detail": only("lead", "coproducer", kwargs=pairing),
    "peers:pairing_end": only("lead", "coproducer", kwargs=pairing),
    "peers:group_list": only(*STAFF, "coproducer"),
    "peers:group_create": only("coproducer"),
    "peers:group_detail": only("coproducer", kwargs=group),
    "peers:group_members": only("coproducer", kwargs=group),
    "peers:group_leave": only("coproducer", kwargs=group),
}

CASES = {
    "peers:pairing_detail": [
        only("lead", kwargs=others_pairing, notes="a pairing the co-producer is not in"),
    ],
    "peers:pairing_end": [
        only("lead", kwargs=others_pairing, notes="a pairing the co-producer is not in"),
    ],
    "peers:group_detail": [
        only("staff", kwargs=staff_group, notes="staff invited by a member; others are not"),
    ],
    "peers:group_members": [
        only(kwargs=staff_group, notes="an invited member of staff cannot add people"),
    ],
    "peers:group_leave": [
        only("staff", kwargs=staff_group, notes="an invited member of staff may leave"),
    ],
}
