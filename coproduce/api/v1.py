"""The JSON API, version 1 (django-ninja; decision 0039).

Public content needs no token: the same records the public site shows, read through the
same querysets. Everything else needs a token (`Authorization: Bearer cp_...`) holding the
endpoint's scope; a personal token reads as its person, with their permissions. Lists are
keyset pages (`after`, `before`, `limit` up to MAX_LIMIT). Every error is a problem
description (RFC 9457, `application/problem+json`), never a 500 for bad input."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Path, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer
from pydantic import BaseModel, Field

from coproduce.insights.compute import compute_all
from coproduce.insights.periods import preset_period
from coproduce.lib import changes, keyset
from coproduce.lib.figures import Audience, Period
from coproduce.meetings.models import Invitation, Meeting
from coproduce.meetings.rules import runs_meetings
from coproduce.opportunities.models import Opportunity
from coproduce.payments.models import Claim, PaymentBatch
from coproduce.projects.models import RungDeclaration
from coproduce.projects.team import projects_co_led_by, visible_projects
from coproduce.site.models import AccessibilityStatement, CaseStudy, Spotlight, Update

from . import actions, secrets
from .access import holds
from .models import ApiToken, Scope

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
BIGGEST_ID = 2**63 - 1
PROBLEM = "application/problem+json"


# What each operation does: in the OpenAPI description (English) and, translated, on
# the documentation page.
TEXTS = {
    "updates": _("Published updates, newest first: as on the public site's updates page."),
    "case_studies": _(
        "Published case studies, newest first. One whose person withdrew consent is gone."
    ),
    "spotlight": _("Other organisations' published co-production stories, newest first."),
    "opportunities": _(
        "Open roles for co-producers, closing soonest first (what the roles say, no one's interest in them)."
    ),
    "accessibility_statement": _("When the accessibility statement was prepared and last changed."),
    "figures": _(
        "The dashboard's figures for a period, by jigsaw area, worked out by the same function as the dashboard, so small numbers are suppressed exactly as there. A personal token sees what its person's dashboard shows; an organisation token sees what needs no further permission."
    ),
    "projects": _(
        "Projects the token's person may see, oldest first, with the declared rung of the ladder and the rung their records support."
    ),
    "project_ladder": _("Every rung the project has declared, newest first, with the reason."),
    "meetings": _(
        "Meetings the token's person may see, soonest first. How to join is given only for meetings they are invited to."
    ),
    "claims": _("Claims with ids, amounts and dates only: no names, bank details or descriptions."),
    "batches": _("Payment batches, newest first, with how many claims each holds."),
    "me": _("The token's own person: only for a personal token."),
}


def described(name: str) -> dict[str, Any]:
    with override("en"):
        words = str(TEXTS[name])
    return {"url_name": name, "operation_id": name, "description": words}


def requests_per_minute() -> int:
    return int(getattr(settings, "COPRODUCE_API_REQUESTS_PER_MINUTE", 120))


class TooManyRequests(Exception):
    pass


class TokenAuth(HttpBearer):
    """Finds the token by its prefix and checks the keyed hash; refuses one revoked,
    expired or over its rate limit, and notes that it was used."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        prefix = secrets.prefix_of(token)
        if prefix is None:
            return None
        found = ApiToken.objects.select_related("person").filter(prefix=prefix).first()
        now = timezone.now()
        if found is None or not secrets.matches(token, found.digest) or not found.is_usable(now):
            return None
        # One counter per token per minute, in the shared cache (as sign-in limits are).
        key = f"api-rate:{found.pk}:{now:%Y%m%d%H%M}"
        cache.add(key, 0, timeout=61)
        if cache.incr(key) > requests_per_minute():
            raise TooManyRequests
        actions.record_use(token=found, now=now)
        return found


api = NinjaAPI(
    title="Coproduce API",
    version="1",
    description="Figures and records from Coproduce, with the same permissions and "
    "small-number suppression as the pages.",
    urls_namespace="api_v1",
    docs_url=None,
    openapi_url="/openapi.json",
)
token_auth = TokenAuth()


def problem(request: HttpRequest, status: int, title: str, detail: str = "") -> HttpResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM
    return response


@api.exception_handler(ValidationError)
def bad_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    where = "; ".join(
        "{}: {}".format(".".join(str(part) for part in e.get("loc", ())[1:]), e.get("msg", ""))
        for e in error.errors
    )
    return problem(request, 400, gettext("Your request could not be read"), where)


@api.exception_handler(AuthenticationError)
def no_token(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    response = problem(
        request,
        401,
        gettext("A token is needed"),
        gettext("Send a token that has not expired or been revoked, as “Authorization: Bearer”."),
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(TooManyRequests)
def too_many(request: HttpRequest, error: TooManyRequests) -> HttpResponse:
    response = problem(
        request,
        429,
        gettext("Too many requests"),
        gettext("This token may make %(count)s requests a minute. Wait a minute and try again.")
        % {"count": requests_per_minute()},
    )
    response["Retry-After"] = "60"
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem(request, 404, gettext("Not found"))


@api.exception_handler(HttpError)
def refused(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problem(request, error.status_code, str(error))


def needs(request: HttpRequest, scope: Scope) -> ApiToken:
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if not holds(token, scope):
        raise HttpError(403, gettext("This token may not read this."))
    return token


# ---- paging -------------------------------------------------------------------------


class Paging(Schema):
    after: str = Field("", max_length=100, description="The `next` cursor of the page before.")
    before: str = Field("", max_length=100, description="The `previous` cursor of the page after.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows on a page.")


def paged(queryset: Any, paging: Paging, order: str, descending: bool = False) -> Any:
    query = QueryDict(mutable=True)
    if paging.after:
        query["after"] = paging.after
    elif paging.before:
        query["before"] = paging.before
    return keyset.page(queryset, order=order, size=paging.limit, query=query, descending=descending)


def page_of(rows: list[Any], page: Any) -> dict[str, Any]:
    return {"items": rows, "next": page.next_cursor, "previous": page.previous_cursor}


class Out(BaseModel):
    """What the API sends. Every operation hands over plain dicts, so a plain pydantic
    model checks them: ninja's Schema would read each field of each row through its
    Django getter, which took most of a full page's time (decision 0016)."""


class PageOut(Out):
    next: str | None = Field(description="Pass as `after` for the next page; null: no more.")
    previous: str | None = Field(description="Pass as `before` for the page before.")


# ---- public content -------------------------------------------------------------------


class StoryOut(Out):
    id: int
    title: str
    title_cy: str
    summary: str
    summary_cy: str
    published_at: datetime
    url: str


class StoryPage(PageOut):
    items: list[StoryOut]


def _stories(request: HttpRequest, queryset: Any, paging: Paging) -> dict[str, Any]:
    page = paged(queryset, paging, "published_at", descending=True)
    rows = [
        {
            "id": story.pk,
            "title": story.title,
            "title_cy": story.title_cy,
            "summary": story.summary,
            "summary_cy": story.summary_cy,
            "published_at": story.published_at,
            "url": request.build_absolute_uri(story.get_absolute_url()),
        }
        for story in page
    ]
    return page_of(rows, page)


@api.get("/updates", response=StoryPage, tags=["Public content"], **described("updates"))
def updates(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    return _stories(request, Update.objects.published(), paging)


@api.get("/case-studies", response=StoryPage, tags=["Public content"], **described("case_studies"))
def case_studies(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    return _stories(request, CaseStudy.objects.published(), paging)


class SpotlightOut(Out):
    id: int
    organisation: str
    title: str
    story: str
    what_worked: str
    what_learned: str
    url: str


class SpotlightPage(PageOut):
    items: list[SpotlightOut]


@api.get("/spotlight", response=SpotlightPage, tags=["Public content"], **described("spotlight"))
def spotlight(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    page = paged(Spotlight.objects.published(), paging, "submitted_at", descending=True)
    rows = [
        {
            "id": story.pk,
            "organisation": story.organisation,
            "title": story.title,
            "story": story.story,
            "what_worked": story.what_worked,
            "what_learned": story.what_learned,
            "url": request.build_absolute_uri(story.get_absolute_url()),
        }
        for story in page
    ]
    return page_of(rows, page)


class OpportunityOut(Out):
    id: int
    title: str
    title_cy: str
    summary: str
    summary_cy: str
    time_commitment: str
    payment_offered: str
    place: str
    closing_on: date


class OpportunityPage(PageOut):
    items: list[OpportunityOut]


@api.get(
    "/opportunities",
    response=OpportunityPage,
    tags=["Public content"],
    **described("opportunities"),
)
def opportunities(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    queryset = Opportunity.objects.filter(
        status=Opportunity.Status.OPEN, closing_on__gte=timezone.localdate()
    )
    fields = [name for name in OpportunityOut.model_fields if name != "id"]
    page = paged(queryset.values("pk", *fields), paging, "closing_on")
    rows = [{"id": row.pop("pk"), **row} for row in page]
    return page_of(rows, page)


class StatementOut(Out):
    prepared_on: date
    updated_at: datetime | None = Field(description="null: never changed since installed.")
    url: str


@api.get(
    "/accessibility-statement",
    response=StatementOut,
    tags=["Public content"],
    **described("accessibility_statement"),
)
def accessibility_statement(request: HttpRequest) -> dict[str, Any]:
    statement = AccessibilityStatement.load()
    return {
        "prepared_on": statement.prepared_on,
        "updated_at": statement.updated_at,
        "url": request.build_absolute_uri("/accessibility/"),
    }


# ---- figures --------------------------------------------------------------------------


class FigureRow(Out):
    label: str
    value: float | None = Field(description="null: too few to show (suppressed).")


class FigureOut(Out):
    key: str
    area: str
    title: str
    summary: str
    value: float | None = Field(description="null: no data, or too few to show.")
    unit: str
    rows: list[FigureRow]
    notes: list[str]


class PeriodQuery(Schema):
    period: str = Field(
        "12m", pattern="^(3m|12m|this_fy|last_fy)$", description="3m, 12m, this_fy or last_fy."
    )
    area: str = Field(
        "", pattern="^(|culture|structure|practice|review)$", description="One jigsaw area."
    )


def _number(value: int | Decimal | None) -> float | None:
    return None if value is None else float(value)


@api.get(
    "/figures",
    response=list[FigureOut],
    auth=token_auth,
    tags=["With a token"],
    **described("figures"),
)
def figures(request: HttpRequest, query: Query[PeriodQuery]) -> list[dict[str, Any]]:
    token = needs(request, Scope.FIGURES)
    period: Period = preset_period(query.period)
    viewer = token.person if token.person_id else Audience(lambda perm: False)
    out = []
    for area, _label, shown in compute_all(period, viewer):
        if query.area and area != query.area:
            continue
        for item in shown:
            if item.figure is None:
                continue
            out.append(
                {
                    "key": item.key,
                    "area": area,
                    "title": str(item.figure.title),
                    "summary": str(item.figure.summary),
                    "value": _number(item.figure.value),
                    "unit": str(item.figure.unit),
                    "rows": [
                        {"label": str(row.label), "value": _number(row.value)}
                        for row in item.figure.rows
                    ],
                    "notes": [str(note) for note in item.figure.notes],
                }
            )
    return out


# ---- projects -------------------------------------------------------------------------


class ProjectOut(Out):
    id: int
    title: str
    summary: str
    status: str
    declared_rung: int
    evidenced_rung: int | None
    starts_on: date | None
    ends_on: date | None


class ProjectPage(PageOut):
    items: list[ProjectOut]


class DeclarationOut(Out):
    rung: int
    reason: str
    declared_at: datetime


def _projects(token: ApiToken) -> Any:
    return visible_projects(token.person)


@api.get(
    "/projects",
    response=ProjectPage,
    auth=token_auth,
    tags=["With a token"],
    **described("projects"),
)
def projects(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    token = needs(request, Scope.PROJECTS)
    page = paged(_projects(token).select_related("declared_rung"), paging, "created_at")
    rows = [
        {
            "id": project.pk,
            "title": project.title,
            "summary": project.summary,
            "status": project.status,
            "declared_rung": project.declared_rung.number,
            "evidenced_rung": project.evidenced_rung_number,
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
        }
        for project in page
    ]
    return page_of(rows, page)


@api.get(
    "/projects/{project_id}/ladder",
    response=list[DeclarationOut],
    auth=token_auth,
    tags=["With a token"],
    **described("project_ladder"),
)
def project_ladder(
    request: HttpRequest, project_id: int = Path(..., ge=1, le=BIGGEST_ID)
) -> list[dict[str, Any]]:
    token = needs(request, Scope.PROJECTS)
    project = get_object_or_404(_projects(token), pk=project_id)
    declarations = RungDeclaration.objects.filter(project=project).select_related("rung")
    return [
        {"rung": d.rung.number, "reason": d.reason, "declared_at": d.declared_at}
        for d in declarations
    ]


# ---- meetings -------------------------------------------------------------------------


class MeetingOut(Out):
    id: int
    title: str
    project_id: int | None
    kind: str
    starts_at: datetime
    duration_minutes: int
    invited: bool
    joining_details: str | None = Field(description="Only for a person invited; else null.")


class MeetingPage(PageOut):
    items: list[MeetingOut]


@api.get(
    "/meetings",
    response=MeetingPage,
    auth=token_auth,
    tags=["With a token"],
    **described("meetings"),
)
def meetings(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    token = needs(request, Scope.MEETINGS)
    person = token.person
    invited = Invitation.objects.filter(meeting=OuterRef("pk"), person=person)
    queryset = Meeting.objects.annotate(invited=Exists(invited))
    if not (runs_meetings(person) or person.has_role("administrator")):
        # As the meetings page: those they are invited to, and every meeting of a
        # project they co-lead: one set of ids from both, not a test of each meeting in
        # date order (with 400,000 meetings, 364 ms on PostgreSQL; this 12 ms).
        theirs = (
            Invitation.objects.filter(person=person)
            .order_by()
            .values("meeting")
            .union(
                Meeting.objects.filter(project__in=projects_co_led_by(person))
                .order_by()
                .values("pk")
            )
        )
        queryset = queryset.filter(pk__in=theirs)
    page = paged(queryset, paging, "starts_at")
    rows = [
        {
            "id": meeting.pk,
            "title": meeting.title,
            "project_id": meeting.project_id,
            "kind": meeting.kind,
            "starts_at": meeting.starts_at,
            "duration_minutes": meeting.duration_minutes,
            "invited": meeting.invited,
            "joining_details": meeting.joining_details if meeting.invited else None,
        }
        for meeting in page
    ]
    return page_of(rows, page)


# ---- finance --------------------------------------------------------------------------


class ClaimOut(Out):
    id: int
    claimant_id: int
    project_id: int | None
    activity_date: date
    minutes: int
    fee_pence: int
    status: str
    approved_at: datetime | None
    paid_at: datetime | None
    batch_id: int | None


class ClaimPage(PageOut):
    items: list[ClaimOut]


class ClaimQuery(Paging):
    status: str = Field(
        "", pattern="^(|submitted|returned|approved|paid)$", description="One status."
    )


@api.get("/claims", response=ClaimPage, auth=token_auth, tags=["Finance"], **described("claims"))
def claims(request: HttpRequest, query: Query[ClaimQuery]) -> dict[str, Any]:
    needs(request, Scope.FINANCE)
    queryset = Claim.objects.exclude(status="draft")
    if query.status:
        queryset = queryset.filter(status=query.status)
    fields = ClaimOut.model_fields
    page = paged(queryset.values("pk", *[f for f in fields if f != "id"]), query, "activity_date")
    rows = [{"id": row["pk"], **{f: row[f] for f in fields if f != "id"}} for row in page]
    return page_of(rows, page)


class BatchOut(Out):
    id: int
    created_at: datetime
    paid_at: datetime | None
    reference: str
    claims: int


class BatchPage(PageOut):
    items: list[BatchOut]


@api.get("/batches", response=BatchPage, auth=token_auth, tags=["Finance"], **described("batches"))
def batches(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    needs(request, Scope.FINANCE)
    page = paged(PaymentBatch.objects.all(), paging, "created_at", descending=True)
    ids = [batch.pk for batch in page]
    # Each batch's claims counted for the page's batches only, from the index alone
    # (grouping every claim by its batch before paging took 508 ms with a million
    # claims on PostgreSQL, this 70 ms), and kept until a change is committed: a batch
    # holds thousands of claims at a national organisation, and the count is linear.
    claims_in = changes.kept(
        "api-batch-claims:" + ",".join(map(str, ids)),
        lambda: dict(
            Claim.objects.filter(batch_id__in=ids)
            .order_by()
            .values_list("batch")
            .annotate(n=Count("*"))
        ),
    )
    rows = [
        {
            "id": batch.pk,
            "created_at": batch.created_at,
            "paid_at": batch.paid_at,
            "reference": batch.reference,
            "claims": claims_in.get(batch.pk, 0),
        }
        for batch in page
    ]
    return page_of(rows, page)


# ---- the person's own -----------------------------------------------------------------


class MeOut(Out):
    id: int
    name: str
    email: str
    language: str
    roles: list[str]


@api.get("/me", response=MeOut, auth=token_auth, tags=["With a token"], **described("me"))
def me(request: HttpRequest) -> dict[str, Any]:
    token = needs(request, Scope.OWN_DATA)
    if token.person is None:
        raise HttpError(403, gettext("An organisation token has no person."))
    person = token.person
    return {
        "id": person.pk,
        "name": person.name,
        "email": person.email,
        "language": person.language,
        "roles": sorted(person.role_set),
    }
