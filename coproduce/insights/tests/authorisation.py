from coproduce.tests.authorisation import only

READERS = ("administrator", "lead", "board")


def sample_objects(people):
    """Enough records that every figure draws its chart and tables in the crawl."""
    from coproduce.insights.tests.data import build

    build(1, people["lead"])
    return {}


ROWS = {
    "insights:dashboard": only(*READERS),
    "insights:report_pdf": only(*READERS, crawl=False),
    "insights:report_csv": only(*READERS, crawl=False),
    "insights:report_xlsx": only(*READERS, crawl=False),
    # What co-producers see: their four figure families, also for those who read the
    # whole dashboard; staff and finance see neither.
    "insights:coproducers": only("coproducer", *READERS),
    # Any co-producer writes a commentary for the board report.
    "insights:commentary": only("coproducer"),
}
