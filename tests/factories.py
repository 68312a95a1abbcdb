"""factory_boy factories for every model, with multilingual text and sensible defaults."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from committee.agreements.models import Agreement, Mechanism, MechanismKind
from committee.bilateral import Decision, Role, Side, Visibility
from committee.importer.models import ProposedChange
from committee.meetings.models import (
    AgendaItem,
    Document,
    DocumentKind,
    Meeting,
    MeetingKind,
    Participation,
    Statement,
)
from committee.people.models import Organization, Person, PersonAlias, User
from committee.recommendations.models import (
    Action,
    ActionPlan,
    Adoption,
    Evidence,
    PeriodCheck,
    ProgressUpdate,
    Recommendation,
    RecommendationRelation,
    RelationKind,
    Status,
    StatusChange,
)
from committee.sources.models import Citation, ImportRun, SourceDocument
from committee.subcommittees.models import Body, BodyKind, Membership, MembershipRole


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    side = Side.MA
    role = Role.MEMBER
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        """Accounts have a TOTP authenticator unless built with ``second_factor=False``
        (every account must enrol one before it may do anything, docs/security.md item 6)."""
        if (
            create
            and extracted is not False
            and not Authenticator.objects.filter(user=self).exists()
        ):
            TOTP.activate(self, TEST_TOTP_SECRET)
            RecoveryCodes.activate(self)


#: The TOTP secret of every factory account (base32); ``totp_code()`` gives its current code.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name_ar = factory.Sequence(lambda n: f"مديرية {n}")
    name_es = factory.Sequence(lambda n: f"Dirección {n}")
    side = "MA"
    visibility = Visibility.PUBLIC


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    name_es = factory.Sequence(lambda n: f"Persona {n}")
    side = "MA"
    visibility = Visibility.PUBLIC


class PersonAliasFactory(DjangoModelFactory):
    class Meta:
        model = PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"اسم {n}")


class BodyFactory(DjangoModelFactory):
    class Meta:
        model = Body

    kind = BodyKind.SUBCOMMITTEE
    name_ar = factory.Sequence(lambda n: f"اللجنة الفرعية {n}")
    name_es = factory.Sequence(lambda n: f"Subcomisión {n}")
    visibility = Visibility.PUBLIC


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory)
    side = Side.MA
    visibility = Visibility.PUBLIC


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = MeetingKind.SEMINAR
    title_ar = factory.Sequence(lambda n: f"الندوة {n}")
    title_es = factory.Sequence(lambda n: f"Seminario {n}")
    city_ar = "مراكش"
    city_es = "Marrakech"
    country = "MA"
    host_side = Side.MA
    start_date = dt.date(2014, 3, 6)
    start_precision = "day"
    end_date = dt.date(2014, 3, 7)
    end_precision = "day"
    visibility = Visibility.PUBLIC


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title_ar = factory.Sequence(lambda n: f"عرض {n}")
    visibility = Visibility.PUBLIC


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    side = "MA"
    visibility = Visibility.PUBLIC


class StatementFactory(DjangoModelFactory):
    class Meta:
        model = Statement

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    quote_ar = "التعاون الأمني ضروري"
    visibility = Visibility.PUBLIC


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    kind = DocumentKind.FINAL_DOCUMENT
    language = "ar"
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="final.pdf", data=b"%PDF-1.4\n%%EOF\n")
    visibility = Visibility.PUBLIC


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    reference = factory.Sequence(lambda n: f"TST-2014-R{n:03d}")
    text_ar = factory.Sequence(lambda n: f"التوصية رقم {n} بتعزيز التعاون")
    text_es = factory.Sequence(lambda n: f"Recomendación {n} de reforzar la cooperación")
    body = factory.SubFactory(BodyFactory)
    visibility = Visibility.PUBLIC


class AdoptionFactory(DjangoModelFactory):
    class Meta:
        model = Adoption

    recommendation = factory.SubFactory(RecommendationFactory)
    meeting = factory.SubFactory(MeetingFactory)


class StatusChangeFactory(DjangoModelFactory):
    class Meta:
        model = StatusChange

    recommendation = factory.SubFactory(RecommendationFactory)
    from_status = Status.ADOPTED
    to_status = Status.IN_PROGRESS
    proposed_by = factory.SubFactory(UserFactory)
    proposed_side = Side.MA
    visibility = Visibility.PUBLIC


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    recommendation = factory.SubFactory(RecommendationFactory)
    side = Side.MA
    author = factory.SubFactory(UserFactory)
    as_of = dt.date(2015, 1, 15)
    narrative_ar = "تم تنظيم دورة تكوينية"
    visibility = Visibility.PUBLIC


class ActionPlanFactory(DjangoModelFactory):
    class Meta:
        model = ActionPlan

    title_ar = "مخطط عمل ثنائي"
    period_start = 2014
    period_end = 2014
    visibility = Visibility.PUBLIC


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    text_ar = "تنظيم دورة تكوينية"
    visibility = Visibility.PUBLIC


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    title_ar = "اتفاق تعاون في مجال مكافحة الهجرة غير المشروعة"
    signed_date = dt.date(2013, 4, 1)
    signed_precision = "month"
    visibility = Visibility.PUBLIC


class MechanismFactory(DjangoModelFactory):
    class Meta:
        model = Mechanism

    kind = MechanismKind.JOINT_POLICE_STATION
    name_ar = "المفوضية الأمنية المشتركة"
    visibility = Visibility.PUBLIC


class SourceDocumentFactory(DjangoModelFactory):
    class Meta:
        model = SourceDocument

    text = factory.Sequence(lambda n: f"اختتمت اليوم أشغال الندوة رقم {n} حول التعاون الأمني.")
    sha256 = factory.LazyAttribute(lambda s: hashlib.sha256(s.text.encode()).hexdigest())
    title = factory.Sequence(lambda n: f"Article {n}")
    visibility = Visibility.PUBLIC


class CitationFactory(DjangoModelFactory):
    class Meta:
        model = Citation

    source = factory.SubFactory(SourceDocumentFactory)
    record = factory.SubFactory(MeetingFactory)
    start = 0
    end = 6
    quote = factory.LazyAttribute(lambda c: c.source.text[c.start : c.end])


#: A string that only Moroccan-only records of the ``canary`` fixture hold.
CANARY = "zqxcanary"


def seated(username, side, body, *, role=MembershipRole.MEMBER, language="ar"):
    """A member of ``side`` who sits on ``body`` with ``role``."""
    person = PersonFactory(side=side)
    MembershipFactory(body=body, person=person, side=side, role=role)
    return UserFactory(
        username=username, side=side, role=Role.MEMBER, person=person, preferred_language=language
    )


def committee_session(year: int, **kwargs) -> Meeting:
    """A one-day session of the strategic committee on 4 May of ``year``."""
    return MeetingFactory(
        kind=MeetingKind.STRATEGIC_COMMITTEE_SESSION,
        start_date=dt.date(year, 5, 4),
        end_date=None,
        end_precision="",
        **kwargs,
    )


#: The smallest file that passes for a PDF, for uploads.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    """A file as a browser uploads it: the name and content type are the sender's claim."""
    return SimpleUploadedFile(name, data, content_type=content_type)


#: The apps whose rows (and audit events) ``row_counts()`` counts.
TRACKED_APPS = {"people", "subcommittees", "meetings", "recommendations", "agreements", "sources"}


def row_counts() -> dict[str, int]:
    """Rows of every table of the project's apps, audit events included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in TRACKED_APPS
    }


def grow(world, ma_member, times: int) -> None:
    """More of everything each page lists, tied to the same records."""
    for n in range(times):
        meeting = MeetingFactory(body=world["committee"], title_es=f"Reunión {n}")
        recommendation = RecommendationFactory(body=world["committee"])
        AdoptionFactory(recommendation=recommendation, meeting=world["seminar"])
        AdoptionFactory(recommendation=recommendation, meeting=meeting, kind="reiterated")
        person = PersonFactory(organization=world["dgsn"])
        MembershipFactory(body=world["committee"], person=person)
        ParticipationFactory(meeting=world["seminar"], person=person)
        StatementFactory(meeting=world["seminar"], person=person)
        AgendaItemFactory(meeting=world["seminar"]).presenters.add(person)
        world["agreement"].parties.add(OrganizationFactory())
        world["agreement"].recommendations.add(recommendation)
        world["mechanism"].organizations.add(OrganizationFactory())
        CitationFactory(source=world["source"], record=recommendation, start=n, end=n + 3)
        # (A source page loads cited records with one query per kind of record: bounded by
        # the number of models, so growth here adds rows of kinds already cited.)
        CitationFactory(source=world["source"], record=meeting, start=n + 1, end=n + 4)
        ProgressUpdateFactory(
            recommendation=recommendation,
            author=ma_member,
            state="published",
            published_at=timezone.now(),
        )


def hidden_supersession(body, proposer, *, reference: str = "HID-2020-R01"):
    """A public recommendation of ``body`` superseded, before the successor rule, by a
    Moroccan-only one whose reference became its reason; with the relation and a pending
    status change naming that successor. Returns ``(superseded, successor, change)``."""
    successor = RecommendationFactory(reference=reference, body=body, visibility=Visibility.MA)
    superseded = RecommendationFactory(
        body=body,
        visibility=Visibility.PUBLIC,
        status=Status.SUPERSEDED,
        completion="none",
        status_reason=successor.reference,
    )
    RecommendationRelation.objects.create(
        source=successor, kind=RelationKind.SUPERSEDES, target=superseded
    )
    change = StatusChangeFactory(
        recommendation=superseded,
        from_status=Status.IN_PROGRESS,
        to_status=Status.SUPERSEDED,
        superseded_by=successor,
        proposed_by=proposer,
        proposed_side=proposer.side,
        visibility=Visibility.PUBLIC,
        decision=Decision.PENDING,
    )
    return superseded, successor, change


def every_other_admin_record(meeting, recommendation, update, *, by) -> None:
    """Around a meeting, a recommendation and a progress update on it: one record of every other
    model the admin shows (an adoption there, a relation, evidence of ``update``, a period check,
    a status proposal by ``by``, a membership, agenda, participation, statement, document,
    action, agreement, mechanism, alias, organisation, citation, import run and a change an
    article proposes)."""
    AdoptionFactory(recommendation=recommendation, meeting=meeting)
    RecommendationRelation.objects.create(
        source=RecommendationFactory(), kind="reiterates", target=recommendation
    )
    Evidence.objects.create(
        progress_update=update,
        file="evidence/x",
        original_name="report.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
    )
    PeriodCheck.objects.create(recommendation=recommendation, year=2015, met=True, meeting=meeting)
    StatusChangeFactory(recommendation=recommendation, proposed_by=by)
    MembershipFactory(body=recommendation.body)
    AgendaItemFactory(meeting=meeting)
    ParticipationFactory(meeting=meeting)
    StatementFactory(meeting=meeting)
    DocumentFactory(meeting=meeting)
    ActionFactory()
    AgreementFactory()
    MechanismFactory()
    PersonAliasFactory()
    OrganizationFactory()
    citation = CitationFactory(record=meeting)
    ImportRun.objects.create(status="succeeded", file_name="a.txt")
    ProposedChange.objects.create(
        record=meeting,
        field="city",
        current={"city_es": meeting.city_es},
        proposed={"city_es": "Rabat"},
        source=citation.source,
        start=citation.start,
        end=citation.end,
        quote=citation.quote,
    )
