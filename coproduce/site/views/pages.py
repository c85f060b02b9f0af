"""The home page, the editable public pages, the accessibility statement and search."""

from django.shortcuts import render
from django.urls import reverse

from coproduce.privacy import retention

from ..forms import SearchForm
from ..models import (
    AccessibilityCheck,
    AccessibilityStatement,
    CaseStudy,
    PageKey,
    SitePage,
    Update,
)
from ..search import search as run_search
from .common import EDITABLE_PAGES

# What a story's summary in a list shows, in English and Welsh (lib.bilingual).
SUMMARY_FIELDS = ("title", "slug", "summary", "published_at", "title_cy", "summary_cy")


def home(request, easy_read=False):
    context = {"page": SitePage.load(PageKey.HOME), "easy_read": easy_read}
    if not easy_read:
        context["updates"] = Update.objects.published().only(*SUMMARY_FIELDS)[:3]
        context["case_studies"] = (
            CaseStudy.objects.published().filter(featured=True).only(*SUMMARY_FIELDS)[:3]
        )
    return render(request, "site/home.html", context)


def site_page(request, key, easy_read=False):
    page = SitePage.load(key)
    standard, easy = EDITABLE_PAGES[key]
    return render(
        request,
        "site/page.html",
        {
            "page": page,
            "easy_read": easy_read,
            "standard_url": reverse(standard),
            "easy_read_url": reverse(easy),
            "retention": retention.schedule() if key == PageKey.PRIVACY else None,
        },
    )


def accessibility_statement(request):
    return render(
        request,
        "site/accessibility.html",
        {"statement": AccessibilityStatement.load(), "check": AccessibilityCheck.objects.first()},
    )


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = run_search(form.cleaned_data["q"])
    return render(request, "site/search.html", {"search_form": form, "results": results})
