"""Where peer support holds a person's data (privacy.registry), and how long it is kept
(privacy.retention); registered from registrations.py.

A pairing is about both people in it, so each downloads it with its check-ins. When the
person who was supported is erased, the request, the pairing and its check-ins go; when
a supporter is erased, the pairing stays for the other person, pointing at the
anonymised account."""

from django.db.models import Q

from coproduce.privacy import retention
from coproduce.privacy.registry import Holding

from .models import CheckIn, Pairing, PeerSupportRequest, way_labels

PAIRING_FIELDS = ("pk", "person__name", "supporter__name", "started_at", "ended_at", "closing_note")


def _pairings(field):
    def export(person):
        rows = list(Pairing.objects.filter(**{field: person}).values(*PAIRING_FIELDS))
        check_ins = CheckIn.objects.filter(**{f"pairing__{field}": person})
        for row in rows:
            row["check-ins"] = "; ".join(
                f"{c.held_on:%d/%m/%Y} {c.get_how_it_went_display()}"
                + (f": {c.note}" if c.note else "")
                for c in check_ins
                if c.pairing_id == row["pk"]
            )
        return rows

    return export


def _offer_rows(person):
    from .models import PeerSupporterOffer

    return [
        {
            "what you can offer": offer.can_offer,
            "ways to meet": ", ".join(way_labels(offer.ways) or [str(w) for w in offer.ways]),
            "use lived experience for matching": offer.use_lived_experience,
            "available": offer.available,
            "updated": offer.updated_at,
        }
        for offer in PeerSupporterOffer.objects.filter(person=person)
    ]


def _request_rows(person):
    return [
        {
            "what you hoped for": request.hoping_for,
            "ways to meet": ", ".join(way_labels(request.ways) or [str(w) for w in request.ways]),
            "use lived experience for matching": request.use_lived_experience,
            "status": request.status,
            "asked": request.created_at,
        }
        for request in PeerSupportRequest.objects.filter(person=person)
    ]


HOLDINGS = (
    Holding(
        "peers.PeerSupporterOffer",
        "person",
        "Your offer to be a peer supporter",
        export=_offer_rows,
        erase="delete",
    ),
    Holding(
        "peers.PeerSupportRequest",
        "person",
        "Your requests for a peer supporter",
        export=_request_rows,
        erase="delete",
        withheld={"pairing": "In “Your peer support pairings”."},
    ),
    Holding(
        "peers.Pairing",
        "person",
        "Your peer support pairings",
        PAIRING_FIELDS,
        export=_pairings("person"),
        parts=("check_ins",),
        erase="delete",
    ),
    Holding(
        "peers.Pairing",
        "supporter",
        "People you were a peer supporter for",
        PAIRING_FIELDS,
        export=_pairings("supporter"),
        parts=("check_ins",),
    ),
    Holding(
        "peers.Pairing",
        "paired_by",
        "Peer support pairings you made",
        ("started_at",),
        about_them=False,
    ),
    Holding(
        "peers.Pairing",
        "ended_by",
        "Peer support pairings you ended",
        ("ended_at",),
        about_them=False,
    ),
    Holding(
        "peers.CheckIn",
        "recorded_by",
        "Peer support check-ins you recorded",
        ("held_on", "how_it_went"),
        about_them=False,
    ),
    Holding(
        "peers.PeerGroup",
        "created_by",
        "Peer groups you started",
        ("name", "created_at"),
        about_them=False,
    ),
    Holding(
        "peers.GroupMember",
        "person",
        "Peer groups you are in",
        ("group__name", "is_staff_guest", "joined_at"),
        erase="delete",
    ),
    Holding(
        "peers.GroupMember",
        "invited_by",
        "People you invited to peer groups",
        ("group__name", "joined_at"),
        about_them=False,
    ),
    Holding(
        "peers.GroupNotice",
        "author",
        "Notices you posted to peer groups",
        ("group__name", "title", "body", "posted_at"),
        erase="blank",
        blank=("body",),
    ),
)


def _ended_or_withdrawn(cutoff):
    return PeerSupportRequest.objects.filter(
        Q(pairing__ended_at__lt=cutoff)
        | Q(status=PeerSupportRequest.Status.WITHDRAWN, created_at__lt=cutoff)
    )


RETENTION = (
    retention.Rule(
        "peers.ended_pairings",
        "peer support requests, with their pairings and check-ins, once ended or withdrawn",
        "when the pairing ended, or the request was made if it was withdrawn",
        24,
        _ended_or_withdrawn,
    ),
)
