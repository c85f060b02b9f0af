"""The accessibility crawl: as every role, with and without JavaScript, visit
every page the authorisation table says that role may open, follow the links
found on the way (two instances of each URL pattern without JavaScript, one with it),
and on every page check WCAG 2.2 A/AA with axe-core, a unique title, one h1, a working
skip link and no horizontal scrolling at 320 px. Every failing page and rule is listed.

The same crawl runs again in Welsh for every role, one page of each pattern: every page
must also say it is in Welsh (lang="cy"), show no interface text left in English, and
pass axe-core's rules that a translation can break (TRANSLATION_RULES). It runs without
JavaScript, which changes nothing about the language; `.ci/run` runs it in the
PostgreSQL pass to keep the two passes even.

For low vision (marked `lowvision`, also in the PostgreSQL pass) it runs once more,
without JavaScript and one page of each URL pattern: each page at the display
setting's 200% text and in forced colours, with axe-core's colour rules again in forced
colours (coproduce/tests/low_vision.py).

The main crawl (without JavaScript, in English) checks every pattern for every role. The
other three change what a template does (its scripts, its words, its text size and
colours), not what a role sees, so each checks a pattern in full only for the first role
in ROLES that may open it; later roles still visit it, follow its links and check its
title (and, in Welsh, its words), and always check their first page in full."""

import re
import time
from collections import Counter
from urllib.parse import urldefrag, urlparse

import polib
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.urls import Resolver404, resolve

from coproduce.tests.authorisation import LOGIN, OK, ROLES
from coproduce.tests.browser import session_cookie
from coproduce.tests.low_vision import low_vision_problems
from coproduce.tests.test_authorisation import fixtures_for, table, url_for
from coproduce.tests.test_translations import catalogues

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INSTANCES_PER_PATTERN = 2
# With JavaScript, in Welsh and for low vision one page of each pattern: the same
# template shows the same scripts, interface text and layout, and it keeps these crawls
# within CI's time.
ONE_INSTANCE_PER_PATTERN = 1
MAX_PAGES = 400
MAX_SECONDS = 600
# Links the crawl must not follow: they leave the app or are not pages
# (links marked `download` are files, and are not followed either).
SKIP_PREFIXES = ("/django-admin/", "/static/", "/media/")

axe = Axe()

# The outermost elements that stick out past the right edge, to say what to fix.
WIDEST_ELEMENTS = """
Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(e => !e.closest('.cp-table-wrapper') || e.classList.contains('cp-table-wrapper'))
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))
  .slice(0, 5)
"""


def english_interface_text():
    """Every whole sentence or label of the interface whose Welsh differs from its
    English: on a Welsh page, a text that is exactly one of these was left in English."""
    return {
        entry.msgid
        for path in catalogues()
        for entry in polib.pofile(str(path))
        if entry.translated()
        and not entry.msgid_plural
        and "%" not in entry.msgid
        and "<" not in entry.msgid
        and len(entry.msgid) >= 8
        and entry.msgstr != entry.msgid
    }


# The page's own text, leaving out passages marked as another language (lang="en" on
# a person's own words, say) and anything not shown.
TEXTS_IN_PAGE_LANGUAGE = """
() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template, [hidden]')) continue;
    const marked = parent.closest('[lang]');
    if (marked && marked !== document.documentElement) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts.concat(
    [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
      .filter(e => !e.closest('[lang]:not(html)'))
      .flatMap(e => ['aria-label', 'title', 'alt', 'placeholder'].map(a => e.getAttribute(a)))
      .filter(Boolean)
  ).concat([document.title]);
}
"""


def welsh_problems(page, english):
    problems = []
    lang = page.evaluate("document.documentElement.lang")
    if lang != "cy":
        problems.append(f'the page says lang="{lang}", not lang="cy"')
    left = sorted(
        {text for text in page.evaluate(TEXTS_IN_PAGE_LANGUAGE) if text in english}
        | {part.strip() for part in page.title().split("–") if part.strip() in english}
    )
    if left:
        problems.append(f"English left on a Welsh page: {left[:8]}")
    return problems


def url_name(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


# Forced colours change colours and nothing else, so in forced colours axe-core runs its
# rules about colour; every other rule runs on every page in the main crawl. (The whole
# set there took 85% of the low-vision crawl's time and found nothing more.)
FORCED_COLOUR_RULES = ["color-contrast", "link-in-text-block"]


# In Welsh the page is the English page with other words: the rules a translation can
# break are those about language, titles and names (a missing or empty translation leaves
# a link, button or field without one), and target size (longer words). Every other rule
# runs on every page in the main crawl. Only WCAG rules, as there.
TRANSLATION_RULES = [
    "document-title", "html-has-lang", "html-lang-valid", "html-xml-lang-mismatch",
    "valid-lang", "link-name", "button-name", "input-button-name", "label", "select-name",
    "image-alt", "input-image-alt", "area-alt", "svg-img-alt", "role-img-alt", "object-alt",
    "aria-command-name", "aria-input-field-name", "aria-meter-name", "aria-progressbar-name",
    "aria-toggle-field-name", "aria-tooltip-name", "frame-title", "summary-name",
    "target-size",
]  # fmt: skip


def axe_problems(page, rules=None):
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    results = axe.run(page, options={"runOnly": only, "resultTypes": ["violations"]})
    return [
        f"axe {violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]


# What the crawl reads off each page, in one round trip to the browser (each one costs
# tens of milliseconds, on every page of every crawl).
PAGE_FACTS = """
() => ({
  title: document.title,
  h1_count: document.querySelectorAll('h1').length,
  links: [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href),
})
"""

FIRST_TAB_STOP = """
() => ({
  href: document.activeElement && document.activeElement.getAttribute('href'),
  targets: document.querySelectorAll('#main-content').length,
})
"""


def page_problems(page, skip_check, rules=None, facts=None):
    """`facts`: what the crawl has already read off the page (PAGE_FACTS)."""
    facts = facts or page.evaluate(PAGE_FACTS)
    problems = axe_problems(page, rules)
    if facts["h1_count"] != 1:
        problems.append(f"{facts['h1_count']} h1 elements (should be one)")
    if skip_check:
        page.keyboard.press("Tab")
        first = page.evaluate(FIRST_TAB_STOP)
        if first["href"] != "#main-content" or first["targets"] != 1:
            problems.append(
                f"first Tab stop is {first['href']!r}, not a skip link to #main-content"
            )
        else:
            page.keyboard.press("Enter")
            moved = urlparse(page.url).fragment == "main-content" or page.evaluate(
                "document.activeElement && document.activeElement.id === 'main-content'"
            )
            if not moved:
                problems.append("the skip link does not move to the main content")
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"scrolls sideways at 320 px wide ({overflow} px too wide)")
    page.set_viewport_size({"width": 1024, "height": 768})
    return problems


SCRIPT_TAG = re.compile(r"<script\b[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)


def without_page_scripts(route):
    """Serves pages as a browser with JavaScript off gets them: no page script
    runs. (Chromium's own no-JavaScript switch also stops the timers axe-core
    needs, so the page's scripts are removed instead; the browser journeys
    switch it off in the browser itself.)"""
    request = route.request
    if request.resource_type == "script":
        route.abort()
    elif request.resource_type == "document":
        response = route.fetch(max_redirects=0)
        route.fulfill(response=response, body=SCRIPT_TAG.sub("", response.text()))
    else:
        route.continue_()


def crawl(
    browser,
    base_url,
    start_urls,
    cookie,
    javascript,
    english=None,
    low_vision=False,
    checked_before=frozenset(),
):
    """`english`: crawl in Welsh, and report any of these interface texts left in English.
    `low_vision`: check each page at 200% text and in forced colours instead.
    `checked_before`: URL patterns an earlier role checks in full in this same crawl."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    if not javascript:
        context.route("**/*", without_page_scripts)
    if cookie:
        context.add_cookies([cookie])
    if english is not None:
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "cy", "url": base_url}]
        )
    page = context.new_page()
    queue = list(dict.fromkeys(start_urls))
    seen_urls, per_pattern, titles, report = set(queue), Counter(), {}, {}
    queued = Counter(url_name(urlparse(url).path) for url in queue)
    deadline = time.monotonic() + MAX_SECONDS
    # Two pages of each pattern without JavaScript, where the HTML is all there is; with
    # it, what scripts add is the same for every page of a template, so one is enough.
    main_crawl = english is None and not low_vision and not javascript
    instances = INSTANCES_PER_PATTERN if main_crawl else ONE_INSTANCE_PER_PATTERN
    visited = checked = 0
    while queue and visited < MAX_PAGES and time.monotonic() < deadline:
        path = queue.pop(0)
        response = page.goto(base_url + path)
        visited += 1
        final_path = urlparse(page.url).path
        name = url_name(final_path) or final_path
        problems = []
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        if response.status >= 500:
            problems.append(f"server error {response.status}")
        facts = page.evaluate(PAGE_FACTS)
        title = facts["title"]
        if not title.strip():
            problems.append("no title")
        elif response.status < 400 and titles.setdefault(title, name) != name:
            problems.append(f"title {title!r} is also the title of {titles[title]}")
        if english is not None:
            problems += welsh_problems(page, english)
        if name not in checked_before or visited == 1:
            checked += 1
            if low_vision:
                problems += low_vision_problems(
                    page, lambda page: axe_problems(page, rules=FORCED_COLOUR_RULES)
                )
            else:
                rules = TRANSLATION_RULES if english is not None else None
                problems += page_problems(page, skip_check=True, rules=rules, facts=facts)
        if problems:
            report[path if path == final_path else f"{path} → {final_path}"] = problems
        per_pattern[name] += 1
        for href in facts["links"]:
            link = urlparse(urldefrag(href)[0])
            if link.netloc != urlparse(base_url).netloc or link.path.startswith(SKIP_PREFIXES):
                continue
            target = link.path + (f"?{link.query}" if link.query else "")
            link_name = url_name(link.path)
            if target in seen_urls or link_name is None or queued[link_name] >= instances:
                continue
            seen_urls.add(target)
            queued[link_name] += 1
            queue.append(target)
    context.close()
    return report, per_pattern, visited, checked, queue


def checked_by_earlier_roles(role):
    """The URL patterns a role before this one in ROLES crawls from the start."""
    earlier = ROLES[: ROLES.index(role)]
    return frozenset(
        name
        for name, row in table().items()
        if row.crawl and any(row.expect[other] == OK for other in earlier)
    )


def start_urls_for(role, fixtures):
    urls = ["/"]
    for name, row in sorted(table().items()):
        if row.crawl and row.expect[role] not in (LOGIN, 403, 405):
            urls.append(url_for(name, row, fixtures))
    return urls


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible(role, javascript, browser, live_server, people):
    check_crawl(role, javascript, browser, live_server, people, english=None)


@pytest.mark.welsh
@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible_and_in_welsh(role, browser, live_server, people):
    english = english_interface_text()
    assert len(english) > 1000, "the Welsh catalogues are missing: run `make translations`"
    check_crawl(role, False, browser, live_server, people, english=english)


@pytest.mark.lowvision
@pytest.mark.parametrize("role", ROLES)
def test_every_page_at_200_percent_text_and_in_forced_colours(role, browser, live_server, people):
    check_crawl(role, False, browser, live_server, people, english=None, low_vision=True)


def check_crawl(role, javascript, browser, live_server, people, english, low_vision=False):
    fixtures = fixtures_for(people)
    cookie = None if role == "anonymous" else session_cookie(people[role], live_server.url)
    started = time.monotonic()
    main_crawl = english is None and not low_vision and not javascript
    report, per_pattern, visited, checked, left = crawl(
        browser,
        live_server.url,
        start_urls_for(role, fixtures),
        cookie,
        javascript,
        english,
        low_vision,
        checked_before=frozenset() if main_crawl else checked_by_earlier_roles(role),
    )
    print(
        f"\n{role} ({'with' if javascript else 'without'} JavaScript"
        f"{', in Welsh' if english is not None else ''}"
        f"{', at 200% text and in forced colours' if low_vision else ''}): {visited} pages "
        f"({checked} checked in full), {len(per_pattern)} URL patterns "
        f"in {time.monotonic() - started:.0f} s"
    )
    assert not left, f"The crawl stopped with {len(left)} pages unvisited: {left[:10]}"
    expected = {name for name, row in table().items() if row.crawl and row.expect[role] == 200}
    missed = expected - set(per_pattern)
    assert not missed, (
        f"Pages the table allows {role} but the crawl did not reach: {sorted(missed)}"
    )
    assert not report, f"Accessibility problems as {role}:\n" + "\n".join(
        f"  {url}:\n" + "\n".join(f"    - {problem}" for problem in problems)
        for url, problems in report.items()
    )
