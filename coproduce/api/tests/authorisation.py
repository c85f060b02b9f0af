"""The API's rows. Pages signed in people use follow their roles; the JSON endpoints
answer a signed-in session as they answer anyone: public content to all, the rest only
to a token (401 without one). What each token scope reads is test_api.py's SCOPE_TABLE."""

from coproduce.tests.authorisation import POST_ONLY, everyone, only, signed_in

UNAUTHORISED = 401


def sample_objects(people):
    from coproduce.api.tests.factories import make_token

    personal, _ = make_token(person=people["coproducer"], scopes=["own_data"])
    organisation, _ = make_token(by=people["administrator"], scopes=["figures"])
    from coproduce.api import actions

    endpoint, _ = actions.register_webhook(
        by=people["administrator"], url="https://finance.example.org/hooks", events=["claim.paid"]
    )
    return {
        "api_personal_token": personal,
        "api_organisation_token": organisation,
        "api_webhook": endpoint,
    }


def personal_token(f):
    return {"pk": f["api_personal_token"].pk}


def organisation_token(f):
    return {"pk": f["api_organisation_token"].pk}


def needs_token(**row):
    return everyone(UNAUTHORISED, crawl=False, **row)


ROWS = {
    "api:docs": everyone(),
    "api:token_list": signed_in(),
    # Staff-side roles are asked to set up two-factor authentication first (a page too).
    "api:token_create": signed_in(),
    "api:token_revoke": only("coproducer", status=POST_ONLY, crawl=False, kwargs=personal_token),
    "api:organisation_token_list": only("administrator"),
    "api:organisation_token_create": only("administrator"),
    "api:webhook_list": only("administrator"),
    "api:webhook_create": only("administrator"),
    "api:webhook_remove": only(
        "administrator",
        status=POST_ONLY,
        crawl=False,
        kwargs=lambda f: {"pk": f["api_webhook"].pk},
    ),
    "api_v1:openapi-json": everyone(crawl=False),
    "api_v1:api-root": everyone(404, crawl=False),
    "api_v1:updates": everyone(crawl=False),
    "api_v1:case_studies": everyone(crawl=False),
    "api_v1:spotlight": everyone(crawl=False),
    "api_v1:opportunities": everyone(crawl=False),
    "api_v1:accessibility_statement": everyone(crawl=False),
    "api_v1:figures": needs_token(),
    "api_v1:projects": needs_token(),
    "api_v1:project_ladder": needs_token(kwargs=lambda f: {"project_id": 1}),
    "api_v1:meetings": needs_token(),
    "api_v1:claims": needs_token(),
    "api_v1:batches": needs_token(),
    "api_v1:me": needs_token(),
}

CASES = {
    "api:token_revoke": [
        only(
            "administrator",
            status=POST_ONLY,
            crawl=False,
            kwargs=organisation_token,
            notes="An organisation token is revoked by administrators only.",
        )
    ],
}
