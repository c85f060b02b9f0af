"""A person's record of what they gave (hours, activities, skills) and their
certificate; and a project's budget estimate against what was claimed."""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone

from .models import BudgetLine, BudgetSection, Claim, ExpenseItem, Status

COUNTED = (Status.APPROVED, Status.PAID)


def record_for(person):
    claims = list(
        Claim.objects.filter(claimant=person, status__in=COUNTED)
        .select_related("activity_type", "project")
        .order_by("activity_date", "pk")
    )
    minutes = sum(claim.minutes for claim in claims)
    by_type = defaultdict(lambda: [0, 0])
    for claim in claims:
        by_type[claim.activity_type.name][0] += 1
        by_type[claim.activity_type.name][1] += claim.minutes
    skills = []
    for text in [claim.skills for claim in claims] + [
        getattr(getattr(person, "profile", None), "skills", "") or ""
    ]:
        for skill in text.replace("\n", ",").split(","):
            skill = skill.strip().rstrip(".")
            if skill and skill.lower() not in {s.lower() for s in skills}:
                skills.append(skill)
    return {
        "person": person,
        "claims": claims,
        "hours": (Decimal(minutes) / 60).quantize(Decimal("0.1")),
        "activities": sorted(
            (name, count, (Decimal(m) / 60).quantize(Decimal("0.1")))
            for name, (count, m) in by_type.items()
        ),
        "projects": sorted({claim.project.title for claim in claims if claim.project}),
        "skills": skills,
        "first": claims[0].activity_date if claims else None,
        "last": claims[-1].activity_date if claims else None,
    }


def certificate_pdf(person, *, name_organisation):
    """A tagged PDF (PDF/UA-1) with the language, a title and real headings."""
    from weasyprint import HTML

    html = render_to_string(
        "payments/certificate.html",
        {
            "record": record_for(person),
            "organisation": settings.COPRODUCE_ORGANISATION_NAME if name_organisation else "",
            "today": timezone.localdate(),
        },
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=True)


def budget_for(project):
    lines = list(BudgetLine.objects.filter(project=project))
    estimate = defaultdict(int)
    for line in lines:
        estimate[line.section] += line.total_pence
    claims = Claim.objects.filter(project=project, status__in=COUNTED)
    actual = defaultdict(int)
    for claim in claims.prefetch_related("expenses"):
        actual[BudgetSection.FEES] += claim.fee_payable_pence
    for section, total in (
        ExpenseItem.objects.filter(claim__in=claims)
        .values_list("expense_type__section")
        .annotate(total=Sum("amount_pence"))
    ):
        actual[section] += total
    sections = [
        {
            "label": label,
            "lines": [line for line in lines if line.section == value],
            "estimate": estimate[value],
            "actual": actual[value],
            "difference": estimate[value] - actual[value],
        }
        for value, label in BudgetSection.choices
    ]
    return {
        "sections": sections,
        "estimate_total": sum(estimate.values()),
        "actual_total": sum(actual.values()),
        "difference_total": sum(estimate.values()) - sum(actual.values()),
        "waiting": Claim.objects.filter(project=project, status=Status.SUBMITTED).count(),
    }
