from coproduce.tests.authorisation import only

READERS = ("administrator", "lead", "board")


def sample_objects(people):
    return {}


ROWS = {
    "insights:dashboard": only(*READERS),
    "insights:report_pdf": only(*READERS, crawl=False),
    "insights:report_csv": only(*READERS, crawl=False),
    "insights:report_xlsx": only(*READERS, crawl=False),
}
