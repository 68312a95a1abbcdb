"""Users of every role, a linked world of records with a restricted canary, members seated on a
body, and what every test starts from (English, no kept page, an empty cache). Shared by the
whole suite: fixtures live here, plain helpers in ``tests/factories.py``."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from committee.bilateral import Role, Side, Visibility
from committee.recommendations.models import RecommendationRelation, UpdateState
from committee.subcommittees.models import MembershipRole
from tests import factories as f
from tests.factories import CANARY, UserFactory, seated


def pytest_configure(config):
    # Declared here rather than in pyproject.toml, whose digest bin/lib.sh's ensure_venv uses
    # to decide whether to reinstall the dependencies.
    config.addinivalue_line(
        "markers",
        "server: exercises what depends on the PostgreSQL server (constraints, triggers, search,"
        " the planner, backups, locks); .ci/run runs these again on the external server",
    )


@pytest.fixture
def ma_member(db):
    return UserFactory(username="ma_member", side=Side.MA, role=Role.MEMBER)


@pytest.fixture
def es_member(db):
    return UserFactory(username="es_member", side=Side.ES, role=Role.MEMBER)


@pytest.fixture
def ma_observer(db):
    return UserFactory(username="ma_observer", side=Side.MA, role=Role.OBSERVER)


@pytest.fixture
def ma_secretariat(db):
    return UserFactory(
        username="ma_secretariat", side=Side.MA, role=Role.SECRETARIAT, is_staff=True
    )


@pytest.fixture
def es_secretariat(db):
    return UserFactory(
        username="es_secretariat", side=Side.ES, role=Role.SECRETARIAT, is_staff=True
    )


@pytest.fixture
def superuser(db):
    return UserFactory(
        username="operator", side="", role=Role.SECRETARIAT, is_staff=True, is_superuser=True
    )


@pytest.fixture
def roles(ma_member, es_member, ma_secretariat, es_secretariat, superuser):
    """Every kind of viewer by name, anonymous included."""
    return {
        "anonymous": None,
        "ma_member": ma_member,
        "es_member": es_member,
        "ma_secretariat": ma_secretariat,
        "es_secretariat": es_secretariat,
        "superuser": superuser,
    }


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in the default language: a request in Arabic leaves Arabic active in
    the test's thread, which would change what ``reverse()`` and lazy strings give later."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_kept_pages():
    """Each test starts with no kept page (committee.web.pagecache): one kept by an earlier
    test may have been rendered under settings (``override_settings``) no data stamp records."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the default cache: each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# A linked world of public records, and a restricted canary hidden among them.


@pytest.fixture
def world(db, ma_member, es_member):
    """Public records of every kind, linked as the importer links them."""
    dgsn = f.OrganizationFactory(acronym="DGSN", name_ar="المديرية العامة للأمن الوطني")
    dgp = f.OrganizationFactory(
        acronym="DGP", name_es="Dirección General de la Policía", side="ES", original_language="es"
    )
    director = f.PersonFactory(name_ar="بوشعيب أرميل", name_es="Bouchaib Rmail", organization=dgsn)
    f.PersonAliasFactory(person=director, name="بوشعيب ارميل")
    committee = f.BodyFactory(
        kind="strategic_committee",
        name_ar="اللجنة الأمنية الاستراتيجية",
        name_es="Comité Estratégico de Seguridad",
        mandate_ar="تتبع التعاون الأمني بين البلدين",
        established_date=dt.date(2013, 11, 1),
        established_precision="month",
    )
    f.MembershipFactory(body=committee, person=director, role="co_chair", side=Side.MA)
    seminar = f.MeetingFactory(
        body=committee,
        ordinal=2,
        title_ar="الندوة العلمية المغربية الاسبانية الثانية",
        title_es="Segundo seminario científico hispano-marroquí",
        theme_ar="التطرف الظلامي وسبل مواجهته",
    )
    first = f.MeetingFactory(
        body=committee,
        ordinal=1,
        title_ar="الندوة الأولى",
        title_es="Primer seminario",
        city_ar="قرطبة",
        city_es="Córdoba",
        country="ES",
        host_side=Side.ES,
        start_date=dt.date(2013, 11, 1),
        start_precision="month",
        end_date=None,
        end_precision="",
    )
    upcoming = f.MeetingFactory(
        body=committee,
        ordinal=3,
        status="planned",
        title_es="Tercer seminario",
        title_ar="الندوة الثالثة",
        start_date=timezone.localdate() + dt.timedelta(days=30),
        end_date=None,
        end_precision="",
    )
    recommendation = f.RecommendationFactory(
        reference="SEM2-2014-R01",
        body=committee,
        text_ar="عقد اجتماعات سنوية للجنة الاستراتيجية مع تعزيز التعاون مع الشرطة الإسبانية",
        text_es="Celebrar reuniones anuales del comité estratégico",
        status="in_progress",
        completion="limited",
        due_date=dt.date(2015, 12, 31),
    )
    f.AdoptionFactory(recommendation=recommendation, meeting=first)
    f.AdoptionFactory(recommendation=recommendation, meeting=seminar, kind="reiterated")
    other = f.RecommendationFactory(reference="SEM2-2014-R02", body=committee)
    RecommendationRelation.objects.create(source=other, kind="reiterates", target=recommendation)
    f.ProgressUpdateFactory(
        recommendation=recommendation,
        author=ma_member,
        state=UpdateState.PUBLISHED,
        published_at=timezone.now(),
        narrative_ar="عقدت اللجنة اجتماعها السنوي",
    )
    f.StatusChangeFactory(
        recommendation=recommendation,
        proposed_by=ma_member,
        decision="confirmed",
        decided_by=es_member,
        decided_side=Side.ES,
        decided_at=timezone.now(),
    )
    source = f.SourceDocumentFactory(
        text="اختتمت اليوم بمراكش أشغال الندوة. وأوصى المشاركون بعقد اجتماعات سنوية للجنة.",
        title="اختتام الندوة",
    )
    quote = "بعقد اجتماعات سنوية"
    start = source.text.index(quote)
    f.CitationFactory(
        source=source, record=recommendation, start=start, end=start + len(quote), quote=quote
    )
    f.CitationFactory(source=source, record=seminar, start=0, end=13, quote=source.text[0:13])
    agreement = f.AgreementFactory()
    agreement.parties.add(dgsn, dgp)
    agreement.recommendations.add(recommendation)
    mechanism = f.MechanismFactory(agreement=agreement, name_es="Comisaría conjunta")
    mechanism.organizations.add(dgsn)
    plan = f.ActionPlanFactory(body=committee, adopted_at=seminar)
    action = f.ActionFactory(plan=plan, owner=dgsn)
    action.recommendations.add(recommendation)
    plan.recommendations.add(recommendation)
    f.AgendaItemFactory(meeting=seminar).presenters.add(director)
    f.ParticipationFactory(meeting=seminar, person=director)
    f.StatementFactory(meeting=seminar, person=director)
    return {
        "dgsn": dgsn,
        "dgp": dgp,
        "director": director,
        "committee": committee,
        "seminar": seminar,
        "first": first,
        "upcoming": upcoming,
        "recommendation": recommendation,
        "other": other,
        "source": source,
        "agreement": agreement,
        "mechanism": mechanism,
        "plan": plan,
    }


@pytest.fixture
def canary(world, ma_member):
    """Moroccan-only records holding ``CANARY``, tied to the public ones every way the model
    allows: its own pages, a restricted progress update and status change on a public
    recommendation, a restricted citation, a restricted membership and participation."""
    hidden = Visibility.MA
    body = f.BodyFactory(name_ar=f"لجنة {CANARY}", name_es=f"Comisión {CANARY}", visibility=hidden)
    person = f.PersonFactory(
        name_es=f"Persona {CANARY}", visibility=hidden, organization=world["dgsn"]
    )
    organization = f.OrganizationFactory(
        name_es=f"Org {CANARY}", acronym=CANARY.upper(), visibility=hidden
    )
    meeting = f.MeetingFactory(
        title_es=f"Reunión {CANARY}", body=world["committee"], visibility=hidden
    )
    recommendation = f.RecommendationFactory(
        reference=f"{CANARY.upper()}-R1",
        text_es=f"Recomendación {CANARY} reservada",
        text_ar=f"توصية {CANARY} سرية",
        body=world["committee"],
        visibility=hidden,
    )
    f.AdoptionFactory(recommendation=recommendation, meeting=world["seminar"])
    f.AdoptionFactory(recommendation=world["other"], meeting=meeting)
    RecommendationRelation.objects.create(
        source=recommendation, kind="depends_on", target=world["recommendation"]
    )
    f.ProgressUpdateFactory(
        recommendation=world["recommendation"],
        author=ma_member,
        state=UpdateState.PUBLISHED,
        published_at=timezone.now(),
        narrative_es=f"Avance {CANARY}",
        visibility=hidden,
    )
    f.StatusChangeFactory(
        recommendation=world["other"],
        proposed_by=ma_member,
        reason=f"Motivo {CANARY}",
        visibility=hidden,
    )
    f.MembershipFactory(body=world["committee"], person=person, visibility=Visibility.PUBLIC)
    f.ParticipationFactory(meeting=world["seminar"], person=person, visibility=Visibility.PUBLIC)
    f.StatementFactory(
        meeting=world["seminar"],
        person=world["director"],
        quote_es=f"Dicho {CANARY}",
        visibility=hidden,
    )
    f.AgendaItemFactory(meeting=world["seminar"], title_es=f"Punto {CANARY}", visibility=hidden)
    source = f.SourceDocumentFactory(
        text=f"نص {CANARY} سري", title=f"Fuente {CANARY}", visibility=hidden
    )
    f.CitationFactory(source=source, record=world["seminar"], start=0, end=2, quote=source.text[:2])
    quote = world["source"].text[:6]
    f.CitationFactory(source=world["source"], record=recommendation, start=0, end=6, quote=quote)
    world["agreement"].parties.add(organization)
    world["agreement"].recommendations.add(recommendation)
    world["agreement"].bodies.add(body)
    world["mechanism"].organizations.add(organization)
    world["director"].organization = organization
    world["director"].save()
    f.ActionFactory(
        plan=world["plan"], text_es=f"Acción {CANARY}", visibility=hidden
    ).recommendations.add(world["recommendation"])
    f.AgreementFactory(title_es=f"Acuerdo {CANARY}", visibility=hidden)
    f.MechanismFactory(name_es=f"Mecanismo {CANARY}", visibility=hidden)
    return {
        "body": body,
        "person": person,
        "organization": organization,
        "meeting": meeting,
        "recommendation": recommendation,
        "source": source,
    }


# Members who sit on a body for their delegation, and recommendations that body owns.
@pytest.fixture
def body(db):
    return f.BodyFactory(visibility=Visibility.PUBLIC)


@pytest.fixture
def ma_seated(body):
    """A Moroccan member of ``body``."""
    return seated("ma_seated", Side.MA, body)


@pytest.fixture
def es_seated(body):
    """A Spanish member of ``body``."""
    return seated("es_seated", Side.ES, body, language="es")


@pytest.fixture
def es_co_chair(body):
    return seated("es_chair", Side.ES, body, role=MembershipRole.CO_CHAIR, language="es")


@pytest.fixture
def es_focal_point(body):
    return seated("es_focal", Side.ES, body, role=MembershipRole.FOCAL_POINT, language="fr")


@pytest.fixture
def rec(body):
    """A committee recommendation of ``body``, in progress."""
    return f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE, status="in_progress")
