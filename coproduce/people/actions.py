"""Use cases for people: each one transaction, each change kept in history with
who made it and, when staff act on someone's behalf, why."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts import actions as account_actions
from coproduce.accounts.models import Role, User

from . import consent
from .models import (
    AccessPassport,
    AccessRequirement,
    ActionBySupporter,
    Authority,
    ConsentRecord,
    ContactMethod,
    EqualityMonitoring,
    ExpressionOfInterest,
    ImportJob,
    PassportReason,
    Profile,
    ProfileTag,
    Sharing,
    SupportPerson,
)

if TYPE_CHECKING:
    from coproduce.accounts.actions import AcceptUrl
    from coproduce.accounts.models import Invitation, User

PROFILE_FIELDS = (
    "pronouns",
    "about",
    "phone",
    "address",
    "contact_methods",
    "formats",
    "best_times",
    "lived_experience_other",
    "skills",
    "availability",
    "payment_preference",
    "emergency_contact_name",
    "emergency_contact_phone",
)


def profile_of(person: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=person)
    return profile


def record_involvement(*, people: Iterable[User], day: date) -> None:
    """Projects and meetings say when someone last took part: the people list's
    "last involved" filter and fair selection of applicants read it."""
    Profile.objects.filter(user__in=people).filter(
        Q(last_involved__isnull=True) | Q(last_involved__lt=day)
    ).update(last_involved=day)


def passport_of(person: User) -> AccessPassport:
    passport, _ = AccessPassport.objects.get_or_create(user=person)
    return passport


def _check_reason(person: User, changed_by: User, reason: str) -> None:
    if changed_by.pk != person.pk and not reason.strip():
        raise ValidationError(gettext("Say why you are making this change for them."))


def _set_tags(profile: Profile, kind: str, values: Iterable[str]) -> None:
    values = set(values)
    current = set(profile.tags.filter(kind=kind).values_list("value", flat=True))
    profile.tags.filter(kind=kind, value__in=current - values).delete()
    ProfileTag.objects.bulk_create(
        ProfileTag(profile=profile, kind=kind, value=v) for v in sorted(values - current)
    )


@transaction.atomic
def save_profile(
    *, person: User, changed_by: User, data: dict[str, Any], reason: str = ""
) -> Profile:
    """data: the cleaned profile form. Staff acting for someone must give a reason."""
    _check_reason(person, changed_by, reason)
    if data.get("name") and data["name"] != person.name:
        person.name = data["name"]
        person._change_reason = reason or "Changed by themself"  # type: ignore[attr-defined]
        person.save(update_fields=["name"])
    profile = profile_of(person)
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    # Read by django-simple-history for the history row.
    profile._history_user = changed_by  # type: ignore[attr-defined]
    profile._change_reason = reason  # type: ignore[attr-defined]
    profile.save()
    # A partial save (a profile filled in over several steps) keeps the tags it did not mention.
    if "lived_experience" in data:
        _set_tags(profile, "lived_experience", data["lived_experience"])
    if "interests" in data:
        _set_tags(profile, "interest", data["interests"])
    return profile


@transaction.atomic
def save_passport(
    *,
    person: User,
    changed_by: User,
    requirements: Iterable[str],
    own_words: str,
    dietary: str,
    other_arrangements: str,
    sharing: str,
    reason: str = "",
) -> AccessPassport:
    """Saves the passport. The sharing choice is also a consent decision, so a
    change of 'share or not' is written to the consent records at once."""
    _check_reason(person, changed_by, reason)
    passport = passport_of(person)
    passport.own_words = own_words
    passport.dietary = dietary
    passport.other_arrangements = other_arrangements
    if sharing != Sharing.NONE:
        passport.sharing = sharing
    passport._history_user = changed_by  # type: ignore[attr-defined]
    passport._change_reason = reason  # type: ignore[attr-defined]
    passport.save()
    wanted = set(requirements)
    current = set(passport.requirements.values_list("code", flat=True))
    passport.requirements.filter(code__in=current - wanted).delete()
    AccessRequirement.objects.bulk_create(
        AccessRequirement(passport=passport, code=c) for c in sorted(wanted - current)
    )
    share = sharing != Sharing.NONE
    if consent.has_consent(person, consent.SHARE_ACCESS) != share:
        record_consent(
            person=person,
            recorded_by=changed_by,
            purpose=consent.SHARE_ACCESS,
            given=share,
            reason=reason,
        )
    return passport


def end_of_today() -> datetime:
    """Midnight at the end of today, local time: when a recorded reason stops counting."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    return datetime.combine(tomorrow, time.min, tzinfo=timezone.get_current_timezone())


@transaction.atomic
def record_passport_reason(*, person: User, viewer: User, reason: str) -> PassportReason:
    """A member of staff says why they need to read someone's passport today, for
    example to help them by phone. The reason is kept, and every read made with it
    carries it into the read log that the person sees."""
    if viewer.pk == person.pk:
        raise ValidationError(gettext("You can always read your own access passport."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(gettext("Say why you need to read their access passport."))
    return PassportReason.objects.create(
        viewer=viewer, person=person, reason=reason, ends_at=end_of_today()
    )


@transaction.atomic
def record_consent(
    *, person: User, recorded_by: User, purpose: str, given: bool, reason: str = ""
) -> ConsentRecord:
    if purpose not in consent.PURPOSES:
        raise ValidationError(gettext("That is not something we ask consent for."))
    _check_reason(person, recorded_by, reason)
    return ConsentRecord.objects.create(
        person=person,
        purpose=purpose,
        wording_version=consent.PURPOSES[purpose].version,
        given=given,
        recorded_by=recorded_by,
        on_behalf_reason="" if recorded_by.pk == person.pk else reason,
    )


@transaction.atomic
def add_supporter(*, person: User, data: dict[str, Any]) -> SupportPerson:
    return SupportPerson.objects.create(profile=profile_of(person), **data)


@transaction.atomic
def remove_supporter(*, person: User, supporter_pk: int) -> None:
    SupportPerson.objects.filter(profile__user=person, pk=supporter_pk).delete()


# ---- supporters acting for people -------------------------------------------------


NO_ACCOUNT = _(
    "We cannot find an account with that email address. Your supporter needs their own "
    "account: ask the co-production team to invite them, then come back here."
)


@transaction.atomic
def grant_authority(*, person: User, email: str, powers: Iterable[str]) -> Authority:
    """The person lets the supporter with this email address (who signs in with their own
    account) act for them: replaces any earlier limits they set for the same supporter."""
    wanted = set(powers)
    if not wanted or wanted - set(Authority.POWERS):
        raise ValidationError(
            gettext("Choose at least one thing they may do for you."), code="powers"
        )
    supporter = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if supporter is None:
        raise ValidationError(NO_ACCOUNT, code="email")
    if supporter.pk == person.pk:
        raise ValidationError(
            gettext("Enter your supporter's email address, not your own."), code="email"
        )
    found: Authority | None = (
        Authority.objects.current().select_for_update().filter(person=person, supporter=supporter)
    ).first()
    authority = found or Authority(person=person, supporter=supporter)
    for name in Authority.POWERS:
        setattr(authority, name, name in wanted)
    authority._history_user = person  # type: ignore[attr-defined]
    authority.save()
    return authority


@transaction.atomic
def withdraw_authority(*, person: User, authority_pk: int) -> Authority:
    """Ends a supporter's powers at once. Only the person who gave them can withdraw them."""
    authority: Authority | None = (
        Authority.objects.current().select_for_update().filter(person=person, pk=authority_pk)
    ).first()
    if authority is None:
        raise ValidationError(gettext("You have already withdrawn this, or it is not yours."))
    authority.withdrawn_at = timezone.now()
    authority._history_user = person  # type: ignore[attr-defined]
    authority.save(update_fields=["withdrawn_at"])
    return authority


def record_action_by_supporter(*, authority: Authority, what: str) -> ActionBySupporter:
    """Keeps what a supporter did for the person, for the person's history. Called inside
    the other app's action, in its transaction, so the record and the change go together."""
    return ActionBySupporter.objects.create(
        person_id=authority.person_id, acted_by_id=authority.supporter_id, what=what[:300]
    )


@transaction.atomic
def save_equality(*, person: User, data: dict[str, Any]) -> EqualityMonitoring:
    """Only the person answers these; nobody answers on their behalf."""
    answers, _ = EqualityMonitoring.objects.get_or_create(user=person)
    for question in EqualityMonitoring.QUESTIONS:
        setattr(answers, question, data.get(question, ""))
    answers.save()
    return answers


@transaction.atomic
def delete_equality(*, person: User) -> None:
    EqualityMonitoring.objects.filter(user=person).delete()


@transaction.atomic
def submit_interest(*, data: dict[str, Any]) -> ExpressionOfInterest:
    return ExpressionOfInterest.objects.create(**data)


@transaction.atomic
def invite_from_interest(
    *, interest: ExpressionOfInterest, reviewed_by: User, build_accept_url: AcceptUrl
) -> ExpressionOfInterest:
    """Takes a form to join forward. With an email address the person is invited, and
    their answers reach their account when they accept; without one the account is
    made now, with their answers, and staff give them a sign-in card (decision 0036)."""
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if interest.status != ExpressionOfInterest.Status.NEW:
        raise ValidationError(gettext("Someone has already reviewed this."))
    if interest.email:
        interest.invitation = account_actions.invite_person(
            invited_by=reviewed_by,
            email=interest.email,
            name=interest.name,
            roles=[Role.COPRODUCER],
            build_accept_url=build_accept_url,
        )
    else:
        person = account_actions.create_person(
            created_by=reviewed_by, name=interest.name, email=None, roles=[Role.COPRODUCER]
        )
        carry_interest(interest=interest, person=person, changed_by=reviewed_by)
    interest.status = ExpressionOfInterest.Status.INVITED
    interest.reviewed_by, interest.reviewed_at = reviewed_by, timezone.now()
    interest.save(update_fields=["status", "reviewed_by", "reviewed_at", "invitation"])
    return interest


def _contact_methods(interest: ExpressionOfInterest) -> list[str]:
    """What they chose, else the ways they gave us, so that messages reach them."""
    if interest.contact_methods:
        return list(interest.contact_methods)
    given = [
        (interest.email, ContactMethod.EMAIL),
        (interest.phone, ContactMethod.TEXT),
        (interest.address, ContactMethod.POST),
    ]
    return [str(method) for value, method in given if value][:1]


@transaction.atomic
def carry_interest(*, interest: ExpressionOfInterest, person: User, changed_by: User) -> None:
    """Every answer on their form to join goes into their profile, access passport and
    consent records, so nobody is asked twice (decision 0036)."""
    reason = "From their form to join"
    profile = profile_of(person)
    profile.phone = profile.phone or interest.phone
    profile.address = profile.address or interest.address
    profile.contact_methods = profile.contact_methods or _contact_methods(interest)
    profile.about = profile.about or interest.about
    profile._history_user = changed_by  # type: ignore[attr-defined]
    profile._change_reason = reason  # type: ignore[attr-defined]
    profile.save()
    if interest.interests:
        _set_tags(profile, "interest", interest.interests)
    if interest.access_to_talk:
        passport = passport_of(person)
        if interest.access_to_talk not in passport.other_arrangements:
            passport.other_arrangements = "\n\n".join(
                part for part in (passport.other_arrangements, interest.access_to_talk) if part
            )
            passport._history_user = changed_by  # type: ignore[attr-defined]
            passport._change_reason = reason  # type: ignore[attr-defined]
            passport.save()
    # Their own answer, in the words they agreed to, on the day they gave it.
    ConsentRecord.objects.create(
        person=person,
        purpose=consent.CONTACT,
        wording_version=consent.PURPOSES[consent.CONTACT].version,
        given=interest.contact_consent,
        recorded_at=interest.created_at,
        recorded_by=person,
    )
    if interest.language and not person.language:
        account_actions.choose_language(user=person, language=interest.language)
    interest.account = person
    interest.save(update_fields=["account"])


def carry_interest_on_acceptance(*, invitation: Invitation, user: User, **_: Any) -> None:
    """accounts.signals.invitation_accepted: the form that led to this invitation."""
    interest = ExpressionOfInterest.objects.filter(invitation=invitation, account=None).first()
    if interest is not None:
        carry_interest(interest=interest, person=user, changed_by=user)


@transaction.atomic
def create_person(*, created_by: User, data: dict[str, Any]) -> User:
    """A co-producer staff add themselves: any or none of email, mobile and address
    (someone staff support directly may have none) (decision 0036)."""
    person = account_actions.create_person(
        created_by=created_by, name=data["name"], email=data.get("email"), roles=[Role.COPRODUCER]
    )
    if data.get("language"):
        account_actions.choose_language(user=person, language=data["language"])
    profile = Profile(
        user=person,
        phone=data.get("phone", ""),
        address=data.get("address", ""),
        contact_methods=list(data.get("contact_methods", [])),
    )
    profile._history_user = created_by  # type: ignore[attr-defined]
    profile._change_reason = "Added by staff"  # type: ignore[attr-defined]
    profile.save()
    return person


@transaction.atomic
def decline_interest(*, interest: ExpressionOfInterest, reviewed_by: User) -> None:

    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if interest.status != ExpressionOfInterest.Status.NEW:
        raise ValidationError(gettext("Someone has already reviewed this."))
    interest.status = ExpressionOfInterest.Status.DECLINED
    interest.reviewed_by, interest.reviewed_at = reviewed_by, timezone.now()
    interest.save(update_fields=["status", "reviewed_by", "reviewed_at"])


# ---- import ----------------------------------------------------------------------


@transaction.atomic
def start_import(
    *,
    uploaded_by: User,
    filename: str,
    headers: list[str],
    rows: list[list[str]],
    mapping: dict[str, str],
) -> ImportJob:
    """Keeps a spreadsheet's rows until they are imported, with a first guess at
    which column holds what."""
    return ImportJob.objects.create(
        uploaded_by=uploaded_by,
        filename=filename[:200],
        headers=headers,
        rows=rows,
        total=len(rows),
        mapping=mapping,
    )


@transaction.atomic
def map_import_columns(*, job: ImportJob, mapping: dict[str, str]) -> ImportJob:
    """Records which column holds what; the import is then ready to preview."""
    job.mapping = mapping
    job.status = ImportJob.Status.READY
    job.save(update_fields=["mapping", "status"])
    return job
