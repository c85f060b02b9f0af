"""Suggestions for the lead pairing someone with a peer supporter.

What is compared, and why only this (docs in /work/findings/peers.md):
- interests (people.ProfileTag "interest"), which are not sensitive: shown by name;
- lived experience, which is health data, only when BOTH people said yes to using it
  for peer support matching (on the request and on the offer). Even then the lead is
  shown only "You share lived experience", never which, and the check is logged as a
  read of lived experience for each person compared;
- the ways each can meet and talk, which each person chose on the request or offer.
  Access passports are never read here: the ways chosen are the only access signal.

Costs the same few queries however many people offered: every offer is scored, and
the best SHOWN are shown (and only theirs are logged as read)."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from coproduce.accounts.models import Role
from coproduce.people.models import Interest, ProfileTag
from coproduce.privacy.log import record_reads
from coproduce.privacy.models import ReadLog

from .models import PeerSupporterOffer, way_labels

SHOWN = 10
READ_REASON = "Peer support matching: whether two people share lived experience"


@dataclass
class Suggestion:
    offer: PeerSupporterOffer
    shared_interests: list[str] = field(default_factory=list)
    shared_ways: list[str] = field(default_factory=list)
    # None: not compared, because one of them did not agree to it being used.
    shares_lived_experience: bool | None = None
    supporting_now: int = 0

    @property
    def score(self):
        return (
            len(self.shared_interests)
            + 2 * len(self.shared_ways)
            + (2 if self.shares_lived_experience else 0)
        )


def suggestions_for(request, viewer):
    """The SHOWN best matches among everyone who offered and can take someone on now."""
    offers = list(
        PeerSupporterOffer.objects.filter(
            available=True,
            person__is_active=True,
            person__role_assignments__role=Role.COPRODUCER,
        )
        .exclude(person_id=request.person_id)
        .select_related("person")
        .annotate(
            supporting_now=Count(
                "person__peer_pairings_supporting",
                filter=Q(person__peer_pairings_supporting__ended_at=None),
            )
        )
        .order_by("person__name", "pk")
    )
    people = [request.person_id] + [offer.person_id for offer in offers]
    tags: dict[int, dict[str, set[str]]] = {}
    for user_id, kind, value in ProfileTag.objects.filter(profile__user_id__in=people).values_list(
        "profile__user_id", "kind", "value"
    ):
        tags.setdefault(user_id, {}).setdefault(kind, set()).add(value)
    theirs = tags.get(request.person_id, {})
    labels = dict(Interest.choices)
    suggestions = []
    for offer in offers:
        mine = tags.get(offer.person_id, {})
        suggestion = Suggestion(
            offer=offer,
            shared_interests=sorted(
                labels[v]
                for v in theirs.get("interest", set()) & mine.get("interest", set())
                if v in labels
            ),
            shared_ways=way_labels(w for w in request.ways if w in offer.ways),
            supporting_now=offer.supporting_now,
        )
        if request.use_lived_experience and offer.use_lived_experience:
            suggestion.shares_lived_experience = bool(
                theirs.get("lived_experience", set()) & mine.get("lived_experience", set())
            )
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.supporting_now))
    shown = suggestions[:SHOWN]
    compared = [s.offer.person for s in shown if s.shares_lived_experience is not None]
    if compared:
        record_reads(
            viewer=viewer,
            subjects=[request.person, *compared],
            what=ReadLog.What.LIVED_EXPERIENCE,
            reason=READ_REASON,
        )
    return shown
