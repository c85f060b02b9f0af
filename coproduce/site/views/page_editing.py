"""Editing the public pages and the accessibility statement, and recording checks."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.views import permission_required

from .. import actions
from ..forms import AccessibilityCheckForm, SitePageForm, StatementForm
from ..models import AccessibilityCheck, AccessibilityStatement, PageKey, SitePage
from .common import EDITABLE_PAGES


@permission_required("site.edit_pages")
def manage_pages(request):
    statement = AccessibilityStatement.load()
    pages = [(SitePage.load(key), key) for key in PageKey.values]
    return render(
        request,
        "site/manage/pages.html",
        {"pages": pages, "statement": statement, "check": AccessibilityCheck.objects.first()},
    )


@permission_required("site.edit_pages")
def page_edit(request, key):
    if key not in PageKey.values:
        raise Http404
    page = SitePage.load(key)
    form = SitePageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = actions.save_site_page(page=form.instance, by=request.user)
        messages.success(
            request,
            gettext("%(key_display)s is saved and now public.")
            % {"key_display": page.get_key_display()},
        )
        return redirect("site:manage_pages")
    standard, easy = EDITABLE_PAGES[key]
    return render(
        request,
        "site/manage/page_form.html",
        {"form": form, "page": page, "public_url": reverse(standard)},
    )


@permission_required("site.edit_pages")
def statement_edit(request):
    statement = AccessibilityStatement.load()
    is_check = request.method == "POST" and "record_check" in request.POST
    is_statement = request.method == "POST" and not is_check
    form = StatementForm(request.POST if is_statement else None, instance=statement)
    form2 = AccessibilityCheckForm(request.POST if is_check else None)
    if is_statement and form.is_valid():
        actions.save_statement(statement=form.instance, by=request.user)
        messages.success(request, _("The accessibility statement is saved and now public."))
        return redirect("site:manage_pages")
    if is_check and form2.is_valid():
        actions.record_accessibility_check(check=form2.instance, by=request.user)
        messages.success(request, _("The check is recorded. The statement now shows its date."))
        return redirect("site:statement_edit")
    return render(
        request,
        "site/manage/statement_form.html",
        {"form": form, "form2": form2, "checks": AccessibilityCheck.objects.all()[:10]},
    )
