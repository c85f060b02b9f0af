"""Impact entries for tests, made through the app's own actions."""

from django.core.files.uploadedfile import SimpleUploadedFile

from coproduce.impact import actions
from coproduce.impact.models import ImpactEntry, Where


def evidence_pdf(name="minutes.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 the committee's minutes", "application/pdf")


def make_entry(
    *,
    by,
    title="Papers now go out a week ahead",
    project=None,
    people=(),
    consenting=(),
    published=False,
    decisions=(),
    feedback=(),
    evidence_file=None,
    **fields,
):
    """An entry; everyone in `consenting` (who must be in `people`) has agreed to be named."""
    entry = actions.save_entry(
        entry=ImpactEntry(
            title=title,
            what_changed=fields.pop("what_changed", "Papers used to arrive the night before."),
            where=fields.pop("where", Where.INSIDE),
            area=fields.pop("area", "practice"),
            project=project,
            **fields,
        ),
        by=by,
        decisions=decisions,
        feedback=feedback,
        people=people,
        evidence_upload=evidence_file,
        evidence_type="application/pdf" if evidence_file else "",
    )
    for person in consenting:
        actions.choose_consent(mention=entry.named.get(person=person), given=True)
    if published:
        actions.publish_entry(entry=entry, by=by)
    return entry
