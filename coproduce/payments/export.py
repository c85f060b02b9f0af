"""The batch file for the finance system: one row per claim, CSV or XLSX.
Bank details are in it, so only finance can make it, and each one is logged."""

from django.utils.translation import gettext as _

from coproduce.lib.spreadsheets import XlsxBook, csv_text

from . import actions
from .models import Claim


def headings():
    return (
        _("Claim"),
        _("Name"),
        _("Email"),
        _("How paid"),
        _("Charity"),
        _("Activity"),
        _("Activity date"),
        _("Minutes"),
        _("Fee (£)"),
        _("Expenses (£)"),
        _("Total (£)"),
        _("Account name"),
        _("Sort code"),
        _("Account number"),
        _("Sent"),
        _("Approved"),
        _("Approved by"),
    )


def _money(pence):
    return f"{pence // 100}.{pence % 100:02d}"


def rows(claims, *, viewer, reason):
    claims = list(
        claims.select_related("claimant", "activity_type", "decided_by").prefetch_related(
            "expenses"
        )
    )
    needs_bank = [c.claimant for c in claims if c.payment_choice == Claim.Choice.BANK]
    bank = actions.read_bank_details(people=needs_bank, viewer=viewer, reason=reason)
    for claim in claims:
        details = bank.get(claim.claimant_id) or {} if claim.payment_choice == "bank" else {}
        yield (
            claim.pk,
            claim.claimant.name,
            claim.claimant.email or "",
            claim.get_payment_choice_display(),
            claim.charity,
            claim.activity_type.name,
            claim.activity_date.isoformat(),
            claim.minutes,
            _money(claim.fee_payable_pence),
            _money(claim.expenses_pence),
            _money(claim.total_pence),
            details.get("account_name", ""),
            details.get("sort_code", ""),
            details.get("account_number", ""),
            claim.submitted_at.date().isoformat() if claim.submitted_at else "",
            claim.approved_at.date().isoformat() if claim.approved_at else "",
            claim.decided_by.name if claim.decided_by else "",
        )


def as_csv(claims, *, viewer, reason):
    return csv_text([headings(), *rows(claims, viewer=viewer, reason=reason)]).encode("utf-8-sig")


def as_xlsx(claims, *, viewer, reason):
    book = XlsxBook()
    sheet = book.sheet(_("Claims to pay"))
    sheet.append(headings(), bold=True)
    for row in rows(claims, viewer=viewer, reason=reason):
        sheet.append(row)
    return book.to_bytes()
