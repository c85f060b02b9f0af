from coproduce.tests.authorisation import everyone

ROWS = {
    # JSON for load balancers, not a page for people: the crawl leaves it out.
    "health": everyone(crawl=False),
}
