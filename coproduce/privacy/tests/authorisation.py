from coproduce.tests.authorisation import POST_ONLY, only, signed_in


def sample_objects(people):
    from coproduce.privacy.actions import record_request
    from coproduce.privacy.models import DataRequest

    data_request = record_request(
        person=people["coproducer"],
        kind=DataRequest.Kind.ACCESS,
        recorded_by=people["administrator"],
        note="Asked by email on 2 March.",
    )
    return {"data_request": data_request}


ROWS = {
    "privacy:my_reads": signed_in(),
    "privacy:my_data": signed_in(),
    "privacy:read_log": only("lead"),
    "privacy:request_list": only("administrator"),
    "privacy:request_new": only("administrator"),
    "privacy:request_detail": only("administrator", kwargs=lambda f: {"pk": f["data_request"].pk}),
    "privacy:retention": only("administrator"),
    "privacy:retention_apply": only("administrator", status=POST_ONLY, crawl=False),
}
