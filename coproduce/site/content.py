"""Turning what staff and visitors type into safe HTML.

Markdown keeps the editor simple and accessible (a plain text box works with
every screen reader and voice control). Whatever the Markdown produces is then
cleaned with nh3, so no script, event handler or style can reach a page."""

import re

import markdown
import nh3
from django.utils.translation import gettext_lazy as _

# Headings start at h2: the page title is the only h1. Pictures come through the
# picture field, where a description is required, so <img> is not allowed here.
ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "pre", "br", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# Classes GOV.UK Frontend needs so the text looks like the rest of the site.
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<a ": '<a class="govuk-link" ',
    "<blockquote>": '<blockquote class="govuk-inset-text">',
}

MARKDOWN_HELP = _(
    "Write in plain text. A blank line starts a new paragraph. "
    "Start a line with ## for a heading, or with - for a list. "
    "For a link, write [the words to click](https://example.org)."
)


def clean_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)


def render_markdown(text):
    """Markdown to clean HTML with GOV.UK classes. Raw HTML in the text is escaped or removed."""
    if not text:
        return ""
    # The page title is the only h1, so the text's top heading level becomes h2 whichever
    # number of #s the writer used ("## Section" and "# Section" both become h2): a
    # screen reader's outline then has no skipped level.
    top = min((len(hashes) for hashes in HEADING.findall(text)), default=1)
    html = markdown.markdown(
        text,
        extensions=["toc", "sane_lists"],
        extension_configs={"toc": {"baselevel": max(1, 3 - top)}},
    )
    html = clean_html(html)
    for plain, styled in GOVUK_CLASSES.items():
        html = html.replace(plain, styled)
    return html


def plain_text(text, limit=None):
    """Markdown as plain text, for feeds, search and summaries."""
    text = nh3.clean(markdown.markdown(text or ""), tags=set()).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
