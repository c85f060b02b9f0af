"""A person's yearly statement of what they were paid and paid back, by UK tax year
(6 April to 5 April), for benefits and tax: a tagged PDF and a CSV. A claim counts in
the tax year it was paid. Fees given to charity at the person's wish are shown apart:
the person was not paid them."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.lib.spreadsheets import csv_text

from .limits import tax_year_label, tax_year_start
from .models import Claim, ExpenseItem, Payment


@dataclass
class StatementLine:
    paid_on: date
    claim: Claim
    how: str
    fee_pence: int
    expenses_pence: int
    donated_pence: int

    @property
    def total_pence(self) -> int:
        return self.fee_pence + self.expenses_pence


@dataclass
class Statement:
    person: object
    start_year: int
    lines: list[StatementLine] = field(default_factory=list)

    @property
    def label(self) -> str:
        return tax_year_label(self.start_year)

    @property
    def fees_pence(self) -> int:
        return sum(line.fee_pence for line in self.lines if line.how == Claim.Choice.BANK)

    @property
    def vouchers_pence(self) -> int:
        return sum(line.fee_pence for line in self.lines if line.how == Claim.Choice.VOUCHER)

    @property
    def expenses_pence(self) -> int:
        return sum(line.expenses_pence for line in self.lines)

    @property
    def donated_pence(self) -> int:
        return sum(line.donated_pence for line in self.lines)

    @property
    def total_pence(self) -> int:
        return sum(line.total_pence for line in self.lines)


def _bounds(start_year: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(date(start_year, 4, 6), time.min, zone),
        datetime.combine(date(start_year + 1, 4, 6), time.min, zone),
    )


def years_for(person) -> list[int]:
    """The tax years (by the year they start) the person was paid in, newest first,
    always with the current one."""
    days = {
        tax_year_start(timezone.localdate(paid_at)).year
        for paid_at in Payment.objects.filter(claim__claimant=person).values_list(
            "paid_at", flat=True
        )
    }
    days.add(tax_year_start(timezone.localdate()).year)
    return sorted(days, reverse=True)


def statement_for(person, start_year: int) -> Statement:
    since, until = _bounds(start_year)
    payments = list(
        Payment.objects.filter(claim__claimant=person, paid_at__gte=since, paid_at__lt=until)
        .select_related("claim__activity_type", "claim__project")
        .order_by("paid_at", "pk")
    )
    expenses = dict(
        ExpenseItem.objects.filter(claim__in=[payment.claim_id for payment in payments])
        .values_list("claim_id")
        .annotate(total=Sum("amount_pence"))
    )
    statement = Statement(person=person, start_year=start_year)
    for payment in payments:
        claim = payment.claim
        fee = claim.fee_payable_pence
        donated = payment.method == Claim.Choice.DONATE
        statement.lines.append(
            StatementLine(
                paid_on=timezone.localdate(payment.paid_at),
                claim=claim,
                how=payment.method,
                fee_pence=0 if donated else fee,
                expenses_pence=expenses.get(claim.pk) or 0,
                donated_pence=fee if donated else 0,
            )
        )
    return statement


def _money(pence: int) -> str:
    """Pounds to the penny, exactly, for a spreadsheet column headed in pounds."""
    return f"{pence // 100}.{pence % 100:02d}"


def as_csv(statement: Statement) -> str:
    rows: list[tuple[object, ...]] = [
        (_("Yearly statement of payments"), statement.person.name, statement.label),
        (),
        (
            _("Paid on"),
            _("Activity"),
            _("Activity date"),
            _("How paid"),
            _("Fee (£)"),
            _("Expenses paid back (£)"),
            _("Fee given to charity (£)"),
            _("Total paid to you (£)"),
        ),
    ]
    for line in statement.lines:
        rows.append(
            (
                line.paid_on.isoformat(),
                str(line.claim),
                line.claim.activity_date.isoformat(),
                Claim.Choice(line.how).label,
                _money(line.fee_pence),
                _money(line.expenses_pence),
                _money(line.donated_pence),
                _money(line.total_pence),
            )
        )
    rows += [
        (),
        (_("Fees paid into your bank account (£)"), _money(statement.fees_pence)),
        (_("Fees taken as vouchers (£)"), _money(statement.vouchers_pence)),
        (_("Expenses paid back (£)"), _money(statement.expenses_pence)),
        (_("Fees given to charity at your wish (£)"), _money(statement.donated_pence)),
        (_("Total paid to you (£)"), _money(statement.total_pence)),
    ]
    return csv_text(rows)


def as_pdf(statement: Statement) -> bytes:
    """A tagged PDF (PDF/UA-1) with the language, a title, headings and table headers."""
    from weasyprint import HTML

    html = render_to_string(
        "payments/statement.pdf.html",
        {
            "statement": statement,
            "organisation": settings.COPRODUCE_ORGANISATION_NAME,
            "today": timezone.localdate(),
        },
    )
    content: bytes = HTML(string=html).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=True
    )
    return content
