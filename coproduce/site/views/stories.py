"""News updates and case studies as the public reads them, with their pictures."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from coproduce.lib import public_links

from ..models import CaseStudy, Update
from .common import PAGE_SIZE


def _story_or_404(request, model, slug, perm):
    """Published stories for everyone; drafts only for the people who write them."""
    story = get_object_or_404(model, slug=slug)
    if not story.is_public and not request.user.has_perm(perm):
        raise Http404
    return story


def update_list(request):
    page = Paginator(Update.objects.published(), PAGE_SIZE).get_page(request.GET.get("page"))
    # Other apps' public pages about the journey (the strategy's commitments), linked
    # through lib.public_links so the site imports none of them.
    return render(
        request,
        "site/update_list.html",
        {"page": page, "journey_links": public_links.links_for("updates")},
    )


def update_detail(request, slug, easy_read=False):
    update = _story_or_404(request, Update, slug, "site.write_updates")
    if easy_read and not update.easy_read_html:
        raise Http404
    return render(
        request,
        "site/story_detail.html",
        {"story": update, "kind": "update", "easy_read": easy_read},
    )


def case_study_list(request):
    page = Paginator(CaseStudy.objects.published(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "site/case_study_list.html", {"page": page})


def case_study_detail(request, slug, easy_read=False):
    case_study = _story_or_404(request, CaseStudy, slug, "site.write_case_studies")
    if easy_read and not case_study.easy_read_html:
        raise Http404
    return render(
        request,
        "site/story_detail.html",
        {"story": case_study, "kind": "case_study", "easy_read": easy_read},
    )


def _serve_image(story):
    if not story.image:
        raise Http404
    try:
        opened = story.image.open("rb")
    except FileNotFoundError as missing:  # e.g. after restoring a database without its files
        raise Http404 from missing
    response = FileResponse(opened, content_type=story.image_type or "application/octet-stream")
    if story.is_public:
        response["Cache-Control"] = "public, max-age=3600"
    return response


def update_image(request, slug):
    return _serve_image(_story_or_404(request, Update, slug, "site.write_updates"))


def case_study_image(request, slug):
    return _serve_image(_story_or_404(request, CaseStudy, slug, "site.write_case_studies"))
