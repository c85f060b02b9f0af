"""The pages the bench visits and how often each role visits them: read by the load
(locustfile.py) and by the first visits that run.py makes before it measures. Kept apart
from the locustfile because importing locust patches the standard library with gevent."""

# Pages a signed-in person opens as they are. Today, the page each person lands on, is
# named per role: each role's providers differ.
VISITS = {
    "today_staff": "/home/",
    "today_coproducer": "/home/",
    "today_lead": "/home/",
    "today_finance": "/home/",
    "project_list": "/projects/",
    "person_list": "/people/",
    "opportunity_list": "/opportunities/",
    "my_applications": "/opportunities/mine/",
    "my_profile": "/you/",
    "meeting_list": "/meetings/",
    "meeting_list_past": "/meetings/?when=past",
    "my_claims": "/claims/",
    "claim_list": "/payments/",
    "finance_queue": "/payments/finance/",
    "recognition": "/payments/recognition/",
    "dashboard": "/dashboard/",
    "learning": "/learning/",
    "involvement_budget": "/budget/",
}

# Pages of one object: (the kind of object in the bench's ids, the path).
VISITS_ONE = {
    "project_detail": ("project", "/projects/{}/"),
    "person_detail": ("person", "/people/{}/"),
    "opportunity_detail": ("opportunity", "/opportunities/{}/"),
    "meeting_detail": ("meeting", "/meetings/{}/"),
    "organised_meeting_detail": ("organised_meeting", "/meetings/{}/"),
    "meeting_checklist": ("organised_meeting", "/meetings/{}/checklist/"),
    "claim_detail": ("claim", "/claims/{}/"),
    "assessment_results": ("round", "/assessment/rounds/{}/"),
}

# Lists of the JSON API: (the path, the role whose bench token it sends, or None).
API = {
    "api_updates": ("/api/v1/updates?limit=100", None),
    "api_opportunities": ("/api/v1/opportunities?limit=100", None),
    "api_projects": ("/api/v1/projects?limit=100", "coproducer"),
    "api_meetings": ("/api/v1/meetings?limit=100", "coproducer"),
    "api_claims": ("/api/v1/claims?limit=100", "finance"),
    "api_batches": ("/api/v1/batches?limit=100", "finance"),
}

# Each role's journey: a page's name and its weight. Also "person_search" (a search of
# the people list) and "display_settings" (the form, then posting it).
JOURNEYS = {
    "staff": {
        "project_list": 3,
        "project_detail": 4,
        "person_list": 3,
        "person_search": 1,
        "person_detail": 3,
        "opportunity_list": 2,
        "opportunity_detail": 2,
        "today_staff": 2,
        "display_settings": 1,
        "meeting_list": 2,
        "meeting_detail": 2,
        "organised_meeting_detail": 1,
        "meeting_checklist": 2,
        "my_claims": 1,
    },
    "coproducer": {
        "today_coproducer": 3,
        "project_list": 3,
        "project_detail": 4,
        "opportunity_list": 3,
        "opportunity_detail": 2,
        "my_applications": 2,
        "my_profile": 2,
        "display_settings": 1,
        "meeting_list": 2,
        "meeting_detail": 2,
        "my_claims": 2,
        "claim_detail": 1,
        "recognition": 1,
        "api_updates": 1,
        "api_opportunities": 1,
        "api_projects": 1,
        "api_meetings": 1,
    },
    # The co-production lead, who also does finance (see bench/accounts.py).
    "lead": {
        "dashboard": 2,
        "claim_list": 2,
        "claim_detail": 2,
        "finance_queue": 1,
        "assessment_results": 1,
        "learning": 1,
        "meeting_list": 1,
        "meeting_list_past": 1,
        "meeting_detail": 2,
        "today_lead": 1,
        "involvement_budget": 1,
    },
    "finance": {
        "today_finance": 3,
        "finance_queue": 2,
        "claim_list": 1,
        "api_claims": 1,
        "api_batches": 1,
        "involvement_budget": 1,
    },
}


def sample_name(page, role):
    """The name a page's samples are kept under. A page that several roles open is kept
    once per role ("meeting_detail:staff"): each role may see different things, so a
    page asks each role different questions, and its query count is the same for every
    object only within one role."""
    opened = page.removesuffix("_post")  # a form posted is named after its page
    shared = sum(opened in journey for journey in JOURNEYS.values()) > 1
    return f"{page}:{role}" if shared else page


def first_visits(role, ids):
    """(sample name, path) of each page in the role's journey that a person opens as it
    is: for one-object pages, the first of the bench's objects of that kind."""
    for name in JOURNEYS[role]:
        if name in VISITS:
            yield sample_name(name, role), VISITS[name]
        elif name in VISITS_ONE:
            kind, path = VISITS_ONE[name]
            objects = ids["objects"][role].get(kind) or []
            if objects:
                yield sample_name(name, role), path.format(objects[0])
