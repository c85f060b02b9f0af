from coproduce.tests.authorisation import everyone

ROWS = {
    # JSON for load balancers, not a page for people: the crawl leaves it out.
    "health": everyone(crawl=False),
    # The code this server runs (GNU AGPL section 13): a tar.gz download, not a page.
    "source": everyone(crawl=False),
}
