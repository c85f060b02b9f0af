"""Search across what is public: published updates, case studies and spotlight
stories. PostgreSQL's full-text search ranks results when it is there; on SQLite
every word must appear somewhere in the item."""

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import CaseStudy, Spotlight, Update

MAX_RESULTS = 30
SOURCES = [
    (Update, _("Update"), ["title", "summary", "body"]),
    (CaseStudy, _("Case study"), ["title", "summary", "body"]),
    (
        Spotlight,
        _("Spotlight story"),
        ["title", "organisation", "story", "what_worked", "what_learned"],
    ),
]


def _postgres(queryset, fields, query):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    weights = ["A", "B", "C", "D"]
    vector = SearchVector(fields[0], weight="A", config="english")
    for index, field in enumerate(fields[1:], start=1):
        vector += SearchVector(field, weight=weights[min(index, 3)], config="english")
    search_query = SearchQuery(query, search_type="websearch", config="english")
    # Match first (every word, as websearch means), then rank: a rank alone is
    # above zero when any one word matches.
    return (
        queryset.annotate(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(vector, search_query))
        .order_by("-rank")
    )


def _simple(queryset, fields, query):
    for word in query.split()[:10]:
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(matches)
    return queryset


def search(query):
    """Results as dicts with kind, title, summary, url; best first on PostgreSQL,
    newest first otherwise."""
    query = " ".join(query.split())
    if not query:
        return []
    finder = _postgres if connection.vendor == "postgresql" else _simple
    results = []
    for model, kind, fields in SOURCES:
        for item in finder(model.objects.published(), fields, query)[:MAX_RESULTS]:
            results.append(
                {
                    "kind": str(kind),
                    "title": item.title,
                    "summary": getattr(item, "summary", "")
                    or gettext("From %(organisation)s.") % {"organisation": item.organisation},
                    "url": item.get_absolute_url(),
                    "rank": getattr(item, "rank", 0),
                    # A story published outside the app may lack a date; it still sorts.
                    "date": item.published_at or item.updated_at,
                }
            )
    results.sort(key=lambda r: (r["rank"], r["date"]), reverse=True)
    return results[:MAX_RESULTS]
