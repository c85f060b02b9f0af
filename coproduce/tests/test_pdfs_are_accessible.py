"""Every PDF Coproduce makes, in English and in Welsh, passes the structure checks of
pdf_structure: tagged, in the reader's language, titled, headings in order, figures
described and tables with headers. The checker itself is shown to catch each fault."""

import pytest
from django.utils import timezone
from django.utils.translation import override

from coproduce.insights.tests.data import build
from coproduce.notifications import letters
from coproduce.payments.recognition import certificate_pdf
from coproduce.payments.statements import StatementLine, as_pdf, statement_for
from coproduce.tests.pdf_structure import problems

pytestmark = pytest.mark.django_db

LANGUAGES = [("en-gb", "en-GB"), ("cy", "cy")]


@pytest.mark.parametrize(("language", "lang"), LANGUAGES)
@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_letters(language, lang, large_print):
    letter = letters.Letter(
        name="Siân Evans",
        address=("3 Mill Lane", "Cardiff", "CF10 1AA"),
        subject="Your claim was paid",
        paragraphs=("We paid your claim.", "Thank you for your time."),
        large_print=large_print,
        date=timezone.localdate(),
        language=language,
    )
    assert problems(letters.pdf([letter], title="Letter"), language=lang) == []


@pytest.mark.parametrize(("language", "lang"), LANGUAGES)
def test_the_recognition_certificate(people, language, lang):
    with override(language):
        pdf = certificate_pdf(people["coproducer"], name_organisation=True)
    assert problems(pdf, language=lang) == []


@pytest.mark.parametrize(("language", "lang"), LANGUAGES)
def test_the_yearly_statement_of_payments(people, language, lang):
    from coproduce.payments.tests.factories import make_claim

    statement = statement_for(people["coproducer"], 2025)
    claim = make_claim(claimant=people["coproducer"], days_ago=3)
    statement.lines.append(
        StatementLine(
            paid_on=timezone.localdate(),
            claim=claim,
            how="bank",
            fee_pence=5000,
            expenses_pence=1234,
            donated_pence=0,
        )
    )
    with override(language):
        pdf = as_pdf(statement)
    assert problems(pdf, language=lang) == []


@pytest.mark.parametrize(("language", "lang"), LANGUAGES)
def test_the_board_report(client_as, people, language, lang, settings):
    build(1, people["lead"])
    client = client_as("board")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/dashboard/report.pdf?period=3m")
    assert response.status_code == 200, response.status_code
    assert problems(response.content, language=lang) == []


def html_pdf(body, lang="en-GB", title="A title"):
    from weasyprint import HTML

    html = f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def test_the_checker_finds_each_fault():
    good = "<h1>Report</h1><h2>Part</h2><p>Text.</p>"
    assert problems(html_pdf(good), language="en-GB") == []
    assert "document language" in problems(html_pdf(good, lang="cy"), language="en-GB")[0]
    assert any(
        "jumps from h1 to h3" in p
        for p in problems(html_pdf("<h1>Report</h1><h3>Part</h3><p>Text.</p>"), language="en-GB")
    )
    assert any("h1" in p for p in problems(html_pdf("<h2>Part</h2><p>x</p>"), language="en-GB"))
    table = "<h1>R</h1><table><tr><td>a</td><td>b</td></tr></table>"
    assert "a table without header cells" in problems(html_pdf(table), language="en-GB")
    from weasyprint import HTML

    untagged = HTML(string="<html><body><p>Hello</p></body></html>").write_pdf()
    assert "not tagged" in " ".join(problems(untagged, language="en-GB"))
