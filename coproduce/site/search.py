"""Search across what is public: published updates, case studies and spotlight
stories. PostgreSQL's full-text search ranks results when it is there; on SQLite
every word must appear somewhere in the item. Welsh versions are searched too, and a
result is shown in the reader's language when it has that version (lib.bilingual)."""

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib import bilingual

from .models import CaseStudy, Spotlight, Update

MAX_RESULTS = 30
SOURCES = [
    (Update, _("Update"), ["title", "summary", "body", "title_cy", "summary_cy", "body_cy"]),
    (
        CaseStudy,
        _("Case study"),
        ["title", "summary", "body", "title_cy", "summary_cy", "body_cy"],
    ),
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
        # PostgreSQL has no Welsh stemmer: Welsh text is matched word for word.
        config = "simple" if field.endswith("_cy") else "english"
        weight = "A" if field == "title_cy" else weights[min(index, 3)]
        vector += SearchVector(field, weight=weight, config=config)
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
            title = bilingual.pick_field(item, "title")
            summary = (
                bilingual.pick_field(item, "summary")
                if hasattr(item, "summary")
                else bilingual.Version(
                    gettext("From %(organisation)s.") % {"organisation": item.organisation},
                    title.lang,
                )
            )
            results.append(
                {
                    "kind": str(kind),
                    "title": title,
                    "summary": summary,
                    "url": item.get_absolute_url(),
                    "rank": getattr(item, "rank", 0),
                    # A story published outside the app may lack a date; it still sorts.
                    "date": item.published_at or item.updated_at,
                }
            )
    results.sort(key=lambda r: (r["rank"], r["date"]), reverse=True)
    return results[:MAX_RESULTS]
