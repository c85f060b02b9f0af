"""A helper any app's tests can use to prove a page's queries do not grow with data:
count each page's queries, grow the data, count again, compare."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    # Counted at their dearest: a figure one visit keeps (the claims list's time to pay)
    # must not make the next visit look cheaper.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)


# The bench's bar for a page (decision 0016).
MOST_QUERIES = 15


def assert_queries_do_not_grow(pages, grow, most=MOST_QUERIES):
    """pages: {label: (client, url or callable returning a url)}. `grow()` adds data.
    Fails naming every page whose count changed, or that makes more than `most`: a list
    whose page is full at both sizes makes the same number of queries a row either way,
    so equal counts alone would miss a query a row."""

    def counts():
        return {
            label: count_queries(client, url() if callable(url) else url)
            for label, (client, url) in pages.items()
        }

    small = counts()
    grow()
    large = counts()
    changed = {
        label: (small[label], large[label]) for label in pages if small[label] != large[label]
    }
    assert not changed, f"Queries grew with the data (small, large): {changed}"
    over = {label: count for label, count in large.items() if count > most}
    assert not over, f"More than {most} queries: {over}"
    return small
