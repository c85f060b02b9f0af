from coproduce.tests.authorisation import everyone, only, signed_in

MANAGE = ("administrator", "lead")


def sample_objects(people):
    from coproduce.strategy.tests.factories import make_commitment

    written_with = make_commitment(
        by=people["lead"], public=True, co_authors=[people["coproducer"]]
    )
    alone = make_commitment(by=people["lead"], text="Half our board are Disabled people")
    return {"strategy_written_with": written_with, "strategy_alone": alone}


def written_with(f):
    return {"pk": f["strategy_written_with"].pk}


def alone(f):
    return {"pk": f["strategy_alone"].pk}


ROWS = {
    "strategy:public_list": everyone(),
    # Everyone signed in reads the strategy, the board included.
    "strategy:commitment_list": signed_in(),
    "strategy:commitment_create": only(*MANAGE),
    # The co-producer is this commitment's co-author, so they may change it.
    "strategy:commitment_edit": only(*MANAGE, "coproducer", kwargs=written_with),
}

CASES = {
    "strategy:commitment_edit": [
        only(*MANAGE, kwargs=alone, notes="A co-producer who is not a co-author cannot change it."),
    ],
}
