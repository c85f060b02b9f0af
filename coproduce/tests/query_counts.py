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


def assert_queries_do_not_grow(pages, grow):
    """pages: {label: (client, url or callable returning a url)}. `grow()` adds data.
    Fails naming every page whose count changed."""

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
    return small
