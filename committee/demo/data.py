"""Demo data at scale: a committee with years of history, for benchmarks and trying the site out.

``plan(scale, seed)`` builds every row in memory — a pure function of its arguments: the same
seed gives the same rows — with foreign keys as positions in the other tables. ``load(plan)``
reserves primary keys from each table's sequence, maps the positions to them and writes each
table with one PostgreSQL ``COPY``, in one transaction. Generated columns (search vectors, the
normalised alias) are computed by PostgreSQL as the rows arrive, and every check and unique
constraint and foreign key holds as for any other write.

Demo rows are not audited one by one: the audit trail records what people and imports did to
the committee's records, and a million synthetic insert events would only bury it. ``load``
disables the audit *insert* triggers (django-pghistory's, nothing else: foreign keys, checks
and the other audit triggers stay) of the tables it fills, inside its transaction — PostgreSQL
takes those tables' exclusive lock until the commit, so no other write can slip past the audit
meanwhile — and enables them again before committing. ``audited=True`` keeps them firing.

Text is Arabic, Spanish and French (some English), the Arabic in the spellings press releases
mix: «الإرهاب» / «الارهاب», «الأمنية» / «الامنية», «الشرطة» / «الشرطه», «على» / «علي».
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from committee.bilateral import Decision, Role, Side, Visibility
from committee.meetings.models import Meeting, MeetingKind, MeetingStatus, Participation
from committee.people.models import Organization, Person, PersonAlias, User
from committee.recommendations.models import (
    Adoption,
    ProgressUpdate,
    Recommendation,
    RecommendationRelation,
    StatusChange,
)
from committee.sources.models import Citation, SourceDocument
from committee.subcommittees.models import Body, Membership

#: Every demo recommendation's reference starts with this (and nothing else's should).
REFERENCE_PREFIX = "DEMO"
#: Every demo account's user name starts with this.
USERNAME_PREFIX = "demo-"

# --- words ----------------------------------------------------------------------------------

#: Arabic words with the spellings they appear under (the first is the careful one).
ARABIC_VARIANTS: dict[str, tuple[str, ...]] = {
    "الإرهاب": ("الإرهاب", "الارهاب"),
    "الأمنية": ("الأمنية", "الامنية", "الأمنيه"),
    "الشرطة": ("الشرطة", "الشرطه"),
    "مكافحة": ("مكافحة", "مكافحه"),
    "على": ("على", "علي"),
    "إلى": ("إلى", "الى", "إلي"),
    "إسبانيا": ("إسبانيا", "اسبانيا"),
    "الإسبانية": ("الإسبانية", "الاسبانية", "الإسبانيه"),
    "الأجهزة": ("الأجهزة", "الاجهزة", "الأجهزه"),
    "المعلومات": ("المعلومات",),
    "الهجرة": ("الهجرة", "الهجره"),
    "أمن": ("أمن", "امن"),
    "التوصية": ("التوصية", "التوصيه"),
}

ARABIC_ACTIONS = (
    "تعزيز",
    "تطوير",
    "تكثيف",
    "مواصلة",
    "إحداث",
    "تنظيم",
    "توسيع",
    "دعم",
)
ARABIC_OBJECTS = (
    "تبادل المعلومات بين الأجهزة الأمنية",
    "التعاون في مجال مكافحة الإرهاب",
    "دورات تكوينية لفائدة أطر الشرطة",
    "التنسيق الميداني في مجال الهجرة غير الشرعية",
    "مكافحة الجريمة المنظمة والاتجار بالمخدرات",
    "مكافحة الجرائم المرتبطة بالتكنولوجيات الحديثة",
    "الزيارات المتبادلة بين خبراء الشرطة",
    "آليات التتبع المشتركة للتوصية",
    "حماية الحدود والموانئ",
    "نقاط الاتصال بين المديرية العامة للأمن الوطني والشرطة الإسبانية",
)
ARABIC_TAILS = (
    "بين المغرب وإسبانيا",
    "على المستوى الجهوي",
    "في أقرب الآجال",
    "خلال السنة المقبلة",
    "وفق برنامج عمل مشترك",
    "إلى جانب الشركاء الأوروبيين",
    "مع تقييم دوري للنتائج",
)
SPANISH_ACTIONS = ("Reforzar", "Desarrollar", "Intensificar", "Continuar", "Crear", "Organizar")
SPANISH_OBJECTS = (
    "el intercambio de información entre los servicios de seguridad",
    "la cooperación en la lucha contra el terrorismo",
    "cursos de formación para mandos policiales",
    "la coordinación operativa en materia de inmigración irregular",
    "la lucha contra la delincuencia organizada y el narcotráfico",
    "la lucha contra la ciberdelincuencia",
    "las visitas recíprocas de expertos policiales",
    "los mecanismos conjuntos de seguimiento",
    "la protección de fronteras y puertos",
    "los puntos de contacto entre la DGSN y la Policía Nacional",
)
SPANISH_TAILS = (
    "entre Marruecos y España",
    "a nivel regional",
    "en el plazo más breve posible",
    "durante el próximo año",
    "según un programa de trabajo conjunto",
    "con evaluación periódica de resultados",
)
FRENCH_ACTIONS = ("Renforcer", "Développer", "Intensifier", "Poursuivre", "Créer", "Organiser")
FRENCH_OBJECTS = (
    "l'échange d'informations entre les services de sécurité",
    "la coopération en matière de lutte contre le terrorisme",
    "des formations au profit des cadres de police",
    "la coordination opérationnelle en matière de migration irrégulière",
    "la lutte contre la criminalité organisée et le trafic de drogue",
    "la lutte contre la cybercriminalité",
    "les visites réciproques d'experts de police",
    "les mécanismes conjoints de suivi",
    "la protection des frontières et des ports",
    "les points de contact entre la DGSN et la Police nationale",
)
FRENCH_TAILS = (
    "entre le Maroc et l'Espagne",
    "au niveau régional",
    "dans les meilleurs délais",
    "au cours de l'année prochaine",
    "selon un programme de travail conjoint",
    "avec une évaluation périodique des résultats",
)
ENGLISH_OBJECTS = (
    "the exchange of information between the security services",
    "cooperation against terrorism",
    "training courses for police officers",
    "operational coordination on irregular migration",
    "the fight against organised crime and drug trafficking",
    "the fight against cybercrime",
)
PROGRESS_AR = (
    "تم عقد اجتماع تنسيقي وتحديد نقاط الاتصال",
    "انطلقت الدورة التكوينية الأولى بمشاركة أطر الشرطة",
    "جرى تبادل المعلومات حول الشبكات الإجرامية",
    "تم إعداد برنامج العمل المشترك وعرضه على اللجنة",
)
PROGRESS_ES = (
    "Se celebró una reunión de coordinación y se designaron los puntos de contacto",
    "Comenzó el primer curso de formación con participación de mandos policiales",
    "Se intercambió información sobre las redes delictivas",
    "Se elaboró el programa de trabajo conjunto y se presentó a la comisión",
)
PROGRESS_FR = (
    "Une réunion de coordination a été tenue et les points de contact désignés",
    "La première formation a commencé avec des cadres de police",
)
CITIES = (
    ("الرباط", "Rabat", "Rabat", "Rabat", "MA"),
    ("مدريد", "Madrid", "Madrid", "Madrid", "ES"),
    ("طنجة", "Tánger", "Tanger", "Tangier", "MA"),
    ("إشبيلية", "Sevilla", "Séville", "Seville", "ES"),
    ("مراكش", "Marrakech", "Marrakech", "Marrakesh", "MA"),
    ("ملقة", "Málaga", "Malaga", "Malaga", "ES"),
)
GIVEN_AR = ("محمد", "أحمد", "يوسف", "فاطمة", "خديجة", "عبد الله", "إبراهيم", "سعاد", "ليلى")
FAMILY_AR = ("العلوي", "بناني", "التازي", "الإدريسي", "الفاسي", "برادة", "الصقلي", "أمزيان")
GIVEN_ES = ("José", "María", "Carmen", "Javier", "Lucía", "Antonio", "Pilar", "Ignacio")
FAMILY_ES = ("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz")
THEMES = (
    "counter_terrorism",
    "information_exchange",
    "training",
    "cybercrime",
    "migration",
    "organised_crime",
    "drug_trafficking",
    "institutional",
    "other",
)


def _spell(text: str, rng: random.Random) -> str:
    """``text`` with each word that has variants written in one of its spellings."""
    words = text.split(" ")
    for position, word in enumerate(words):
        for careful, variants in ARABIC_VARIANTS.items():
            if careful in word and len(variants) > 1:
                words[position] = word.replace(careful, rng.choice(variants))
    return " ".join(words)


def _visibility(rng: random.Random) -> str:
    """Mostly public; some for the committee, each delegation and the secretariat."""
    roll = rng.random()
    if roll < 0.80:
        return Visibility.PUBLIC
    if roll < 0.90:
        return Visibility.COMMITTEE
    if roll < 0.945:
        return Visibility.MA
    if roll < 0.99:
        return Visibility.ES
    return Visibility.SECRETARIAT


# --- the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A foreign key to the row at ``position`` of ``table``, resolved when loading."""

    table: str
    position: int


@dataclass
class Table:
    model: type[models.Model]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, **row: Any) -> int:
        self.rows.append(row)
        return len(self.rows) - 1


@dataclass
class Plan:
    scale: int
    seed: int
    #: In loading order: a table's rows refer only to tables before it (or to itself).
    tables: dict[str, Table]

    def counts(self) -> dict[str, int]:
        return {name: len(table.rows) for name, table in self.tables.items()}


TABLES: tuple[tuple[str, type[models.Model]], ...] = (
    ("organizations", Organization),
    ("people", Person),
    ("aliases", PersonAlias),
    ("users", User),
    ("bodies", Body),
    ("memberships", Membership),
    ("meetings", Meeting),
    ("participations", Participation),
    ("recommendations", Recommendation),
    ("adoptions", Adoption),
    ("relations", RecommendationRelation),
    ("progress", ProgressUpdate),
    ("status_changes", StatusChange),
    ("sources", SourceDocument),
    ("citations", Citation),
)


def plan(scale: int, seed: int = 1) -> Plan:
    """Every row of a committee with ``scale`` recommendations; a pure function of its arguments."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    rng = random.Random(f"committee-demo-{seed}")  # noqa: S311 - demo data, not secrets
    tables = {name: Table(model) for name, model in TABLES}
    base = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    builder = _Builder(scale, seed, rng, tables, base)
    builder.organizations()
    builder.people()
    builder.users()
    builder.bodies()
    builder.memberships()
    builder.meetings()
    builder.recommendations()
    builder.sources()
    return Plan(scale=scale, seed=seed, tables=tables)


@dataclass
class _Builder:
    scale: int
    seed: int
    rng: random.Random
    tables: dict[str, Table]
    base: dt.datetime
    people_by_side: dict[str, list[int]] = field(default_factory=dict)
    users_by_side: dict[str, list[int]] = field(default_factory=dict)
    body_positions: list[int] = field(default_factory=list)
    meeting_dates: list[dt.date] = field(default_factory=list)
    meetings_by_body: dict[int, list[int]] = field(default_factory=dict)

    def add(self, table: str, **row: Any) -> int:
        return self.tables[table].add(**row)

    def organizations(self) -> None:
        count = max(4, self.scale // 1000)
        for n in range(count):
            side = (Side.MA, Side.ES, "third_party")[n % 3] if n >= 2 else (Side.MA, Side.ES)[n]
            self.add(
                "organizations",
                name_ar=_spell(f"المديرية الجهوية للأمن رقم {n + 1}", self.rng),
                name_es=f"Jefatura Regional de Seguridad n.º {n + 1}",
                name_fr=f"Direction régionale de la sûreté n° {n + 1}",
                acronym=f"DEMO{self.seed}O{n + 1}",
                side=side,
                kind=self.rng.choice(("police", "intelligence", "gendarmerie", "ministry")),
                visibility=Visibility.PUBLIC if self.rng.random() < 0.9 else Visibility.COMMITTEE,
                original_language="ar" if side == Side.MA else "es",
                parent=Ref("organizations", self.rng.randrange(n)) if n > 4 else None,
            )

    def people(self) -> None:
        count = max(8, self.scale // 50)
        organizations = len(self.tables["organizations"].rows)
        for n in range(count):
            side = (Side.MA, Side.ES)[n % 2]
            given_ar, family_ar = self.rng.choice(GIVEN_AR), self.rng.choice(FAMILY_AR)
            given_es, family_es = self.rng.choice(GIVEN_ES), self.rng.choice(FAMILY_ES)
            if side == Side.MA:
                name_ar, name_es = f"{given_ar} {family_ar} {n}", ""
                latin = f"{given_ar} {n}"
            else:
                name_ar, name_es = f"{given_es} {family_es} {n}", f"{given_es} {family_es} {n}"
                latin = name_es
            spelled = _spell(name_ar, self.rng) if side == Side.MA else name_ar
            position = self.add(
                "people",
                name_ar=spelled,
                name_es=name_es,
                name_fr=latin if side == Side.ES else "",
                position_ar=_spell("مسؤول بالمديرية العامة للأمن الوطني", self.rng)
                if side == Side.MA
                else "مسؤول بالشرطة الإسبانية",
                position_es="Responsable de cooperación policial",
                side=side,
                organization=Ref("organizations", self.rng.randrange(organizations)),
                visibility=_visibility(self.rng),
                original_language="ar" if side == Side.MA else "es",
            )
            self.people_by_side.setdefault(side, []).append(position)
            # The spellings the person appears under: the recorded one and a variant.
            aliases = {spelled, name_ar.replace("إ", "ا").replace("أ", "ا")}
            for alias in sorted(aliases):
                self.add("aliases", person=Ref("people", position), name=alias, language="ar")

    def users(self) -> None:
        for side in (Side.MA, Side.ES):
            for n in range(3):
                person = self.people_by_side[side][n]
                position = self.add(
                    "users",
                    username=f"{USERNAME_PREFIX}{self.seed}-{side.lower()}-{n}",
                    password=UNUSABLE_PASSWORD_PREFIX + "demo",  # no one logs in as a demo account
                    side=side,
                    role=Role.SECRETARIAT if n == 0 else Role.MEMBER,
                    person=Ref("people", person),
                    preferred_language="ar" if side == Side.MA else "es",
                    is_active=True,
                    date_joined=self.base,
                )
                self.users_by_side.setdefault(side, []).append(position)

    def bodies(self) -> None:
        count = max(3, self.scale // 2000)
        for n in range(count):
            kind = (
                "strategic_committee"
                if n == 0
                else "follow_up_committee"
                if n == 1
                else self.rng.choice(("subcommittee", "working_group"))
            )
            theme = self.rng.randrange(len(ARABIC_OBJECTS))
            position = self.add(
                "bodies",
                kind=kind,
                name_ar=_spell(f"اللجنة الفرعية {n + 1} حول {ARABIC_OBJECTS[theme]}", self.rng),
                name_es=f"Subcomisión {n + 1} sobre {SPANISH_OBJECTS[theme]}",
                name_fr=f"Sous-commission {n + 1} sur {FRENCH_OBJECTS[theme]}",
                mandate_ar=_spell(f"متابعة {ARABIC_OBJECTS[theme]}", self.rng),
                mandate_es=f"Seguimiento de {SPANISH_OBJECTS[theme]}",
                parent=Ref("bodies", 0 if n < 3 else self.rng.randrange(1, 3)) if n else None,
                status="active" if self.rng.random() < 0.9 else "dissolved",
                established_date=dt.date(2005 + n % 20, 1, 1),
                established_precision="year",
                # Bodies are public but for a few working groups of the committee.
                visibility=Visibility.PUBLIC if n < 3 or self.rng.random() < 0.9 else "committee",
                original_language="ar",
            )
            self.body_positions.append(position)

    def memberships(self) -> None:
        for body in self.body_positions:
            for side in (Side.MA, Side.ES):
                people = self.rng.sample(self.people_by_side[side], 4)
                for seat, person in enumerate(people):
                    self.add(
                        "memberships",
                        body=Ref("bodies", body),
                        person=Ref("people", person),
                        side=side,
                        role="co_chair" if seat == 0 else "member",
                        start_date=dt.date(2010 + seat, 1, 1),
                        visibility=Visibility.COMMITTEE,
                    )
        # Every demo member sits on the first body for their delegation, so dashboards fill.
        for member_side, users in self.users_by_side.items():
            for user in users:
                person = self.tables["users"].rows[user]["person"].position
                sitting = {
                    row["person"].position
                    for row in self.tables["memberships"].rows
                    if row["body"].position == 0 and row["side"] == member_side
                }
                if person not in sitting:
                    self.add(
                        "memberships",
                        body=Ref("bodies", 0),
                        person=Ref("people", person),
                        side=member_side,
                        role="member",
                        visibility=Visibility.COMMITTEE,
                    )

    def meetings(self) -> None:
        count = max(3, self.scale // 25)
        ordinals: dict[tuple[str, int], int] = {}
        today = dt.date(2026, 1, 1)
        for _ in range(count):
            body = self.rng.choice(self.body_positions)
            kind = self.rng.choice(
                (
                    MeetingKind.SUBCOMMITTEE_MEETING,
                    MeetingKind.FOLLOW_UP_MEETING,
                    MeetingKind.SEMINAR,
                    MeetingKind.STRATEGIC_COMMITTEE_SESSION,
                )
            )
            ordinal = ordinals[(kind, body)] = ordinals.get((kind, body), 0) + 1
            start = dt.date(2005, 1, 1) + dt.timedelta(days=self.rng.randrange(365 * 22))
            roll = self.rng.random()
            precision = "day" if roll < 0.9 else "month" if roll < 0.97 else "year"
            if precision == "month":
                start = start.replace(day=1)
            elif precision == "year":
                start = start.replace(month=1, day=1)
            end = start + dt.timedelta(days=self.rng.randrange(3)) if precision == "day" else None
            city = self.rng.choice(CITIES)
            theme = self.rng.randrange(len(ARABIC_OBJECTS))
            position = self.add(
                "meetings",
                kind=kind,
                ordinal=ordinal,
                body=Ref("bodies", body),
                title_ar=_spell(f"الاجتماع {ordinal} حول {ARABIC_OBJECTS[theme]}", self.rng),
                title_es=f"Reunión {ordinal} sobre {SPANISH_OBJECTS[theme]}",
                title_fr=f"Réunion {ordinal} sur {FRENCH_OBJECTS[theme]}"
                if self.rng.random() < 0.5
                else "",
                summary_ar=_spell(
                    f"ناقش المشاركون {ARABIC_OBJECTS[theme]} {self.rng.choice(ARABIC_TAILS)}",
                    self.rng,
                ),
                summary_es=f"Los participantes trataron {SPANISH_OBJECTS[theme]}.",
                city_ar=city[0],
                city_es=city[1],
                city_fr=city[2],
                city_en=city[3],
                host_side=city[4],
                country=city[4],
                start_date=start,
                start_precision=precision,
                end_date=end,
                end_precision="day" if end else "",
                status=MeetingStatus.PLANNED if start > today else MeetingStatus.HELD,
                visibility=Visibility.PUBLIC if self.rng.random() < 0.9 else _visibility(self.rng),
                original_language="ar" if city[4] == "MA" else "es",
            )
            self.meeting_dates.append(start)
            self.meetings_by_body.setdefault(body, []).append(position)
            people = self.rng.sample(
                self.people_by_side[Side.MA][:40] + self.people_by_side[Side.ES][:40],
                min(5, len(self.people_by_side[Side.MA][:40]) * 2),
            )
            for person in people:
                side = self.tables["people"].rows[person]["side"]
                self.add(
                    "participations",
                    meeting=Ref("meetings", position),
                    person=Ref("people", person),
                    side=side,
                    role=self.rng.choice(("head_of_delegation", "expert", "speaker", "observer")),
                    visibility=Visibility.PUBLIC,
                )

    def recommendations(self) -> None:
        meetings = len(self.tables["meetings"].rows)
        width = max(2, len(str(self.scale)))
        today = dt.date(2026, 1, 1)
        for n in range(self.scale):
            meeting = n * meetings // self.scale  # each meeting adopts a run of them
            adopted_on = self.meeting_dates[meeting]
            body_ref = self.tables["meetings"].rows[meeting]["body"]
            action = self.rng.randrange(len(ARABIC_ACTIONS))
            theme_index = self.rng.randrange(len(ARABIC_OBJECTS))
            tail = self.rng.randrange(len(ARABIC_TAILS))
            text_ar = _spell(
                f"{ARABIC_ACTIONS[action]} {ARABIC_OBJECTS[theme_index]} {ARABIC_TAILS[tail]}",
                self.rng,
            )
            spanish = (
                f"{SPANISH_ACTIONS[action % len(SPANISH_ACTIONS)]} "
                f"{SPANISH_OBJECTS[theme_index]} {SPANISH_TAILS[tail % len(SPANISH_TAILS)]}."
            )
            french = (
                f"{FRENCH_ACTIONS[action % len(FRENCH_ACTIONS)]} "
                f"{FRENCH_OBJECTS[theme_index]} {FRENCH_TAILS[tail % len(FRENCH_TAILS)]}."
            )
            original = self.rng.choices(("ar", "es", "fr"), (6, 3, 1))[0]
            translated = self.rng.random()
            status = self.rng.choices(
                (
                    "proposed",
                    "adopted",
                    "in_progress",
                    "on_hold",
                    "implemented",
                    "not_implemented",
                    "superseded",
                ),
                (3, 25, 35, 5, 25, 5, 2),
            )[0]
            completion = (
                "complete"
                if status == "implemented"
                else self.rng.choice(("none", "limited", "substantial"))
                if status == "in_progress"
                else "none"
            )
            due = (
                adopted_on + dt.timedelta(days=self.rng.randrange(90, 900))
                if self.rng.random() < 0.7
                else None
            )
            year = adopted_on.year
            position = self.add(
                "recommendations",
                reference=f"{REFERENCE_PREFIX}{self.seed}-{year}-R{n + 1:0{width}d}",
                text_ar=text_ar if original == "ar" or translated < 0.8 else "",
                text_es=spanish if original == "es" or translated < 0.7 else "",
                text_fr=french if original == "fr" or translated < 0.3 else "",
                text_en=f"{ENGLISH_OBJECTS[theme_index % len(ENGLISH_OBJECTS)]}."
                if translated < 0.1
                else "",
                kind="one_off" if self.rng.random() < 0.8 else "standing",
                theme=THEMES[theme_index % len(THEMES)],
                lead_side=self.rng.choice(("MA", "ES", "joint")),
                body=body_ref if self.rng.random() < 0.95 else None,
                priority=self.rng.choices(("low", "normal", "high"), (1, 6, 2))[0],
                due_date=due,
                status=status,
                completion=completion,
                status_reason="أعيدت صياغتها في توصية لاحقة"
                if status in {"not_implemented", "superseded"}
                else "",
                visibility=_visibility(self.rng),
                original_language=original,
            )
            self.add(
                "adoptions",
                recommendation=Ref("recommendations", position),
                meeting=Ref("meetings", meeting),
                kind="adopted",
            )
            if self.rng.random() < 0.15 and meeting + 1 < meetings:
                later = self.rng.randrange(meeting + 1, min(meetings, meeting + 40))
                self.add(
                    "adoptions",
                    recommendation=Ref("recommendations", position),
                    meeting=Ref("meetings", later),
                    kind="reiterated",
                )
            if n and self.rng.random() < 0.05:
                self.add(
                    "relations",
                    source=Ref("recommendations", position),
                    kind=self.rng.choice(("reiterates", "depends_on")),
                    target=Ref("recommendations", self.rng.randrange(n)),
                )
            self._progress(position, adopted_on, status, today)
            self._status_change(position, status, adopted_on)

    def _progress(
        self, recommendation: int, adopted_on: dt.date, status: str, today: dt.date
    ) -> None:
        if status in {"proposed"}:
            return
        for _ in range(self.rng.choice((0, 1, 1, 2, 2, 3))):
            side = self.rng.choice((Side.MA, Side.ES))
            as_of = min(today, adopted_on + dt.timedelta(days=self.rng.randrange(30, 1500)))
            published = self.rng.random() < 0.85
            self.add(
                "progress",
                recommendation=Ref("recommendations", recommendation),
                side=side,
                author=Ref("users", self.rng.choice(self.users_by_side[side])),
                as_of=as_of,
                narrative_ar=_spell(self.rng.choice(PROGRESS_AR), self.rng)
                if side == Side.MA
                else "",
                narrative_es=self.rng.choice(PROGRESS_ES) if side == Side.ES else "",
                narrative_fr=self.rng.choice(PROGRESS_FR) if self.rng.random() < 0.2 else "",
                proposed_completion=self.rng.choice(("", "limited", "substantial")),
                state="published" if published else "draft",
                published_at=dt.datetime.combine(as_of, dt.time(10), tzinfo=dt.UTC)
                if published
                else None,
                visibility=_visibility(self.rng),
                original_language="ar" if side == Side.MA else "es",
            )

    def _status_change(self, recommendation: int, status: str, adopted_on: dt.date) -> None:
        if status not in {"in_progress", "implemented", "on_hold"} or self.rng.random() > 0.4:
            return
        proposer_side = self.rng.choice((Side.MA, Side.ES))
        other = Side.ES if proposer_side == Side.MA else Side.MA
        proposer = Ref("users", self.rng.choice(self.users_by_side[proposer_side]))
        at = dt.datetime.combine(
            adopted_on + dt.timedelta(days=self.rng.randrange(30, 600)), dt.time(9), tzinfo=dt.UTC
        )
        if status == "implemented":
            # Closing takes both delegations: proposed by one, confirmed by the other.
            row: dict[str, Any] = {
                "from_status": "in_progress",
                "to_status": "implemented",
                "proposed_completion": "complete",
                "decision": Decision.CONFIRMED,
                "decided_by": Ref("users", self.users_by_side[other][0]),
                "decided_side": other,
                "decided_at": at + dt.timedelta(days=7),
            }
        elif self.rng.random() < 0.2:
            row = {
                "from_status": status,
                "to_status": "on_hold" if status == "in_progress" else "in_progress",
                "decision": Decision.PENDING,
            }
        else:
            row = {
                "from_status": "adopted",
                "to_status": status,
                "decision": Decision.EFFECTIVE,
                "decided_by": proposer,
                "decided_side": proposer_side,
                "decided_at": at,
            }
        self.add(
            "status_changes",
            recommendation=Ref("recommendations", recommendation),
            proposed_by=proposer,
            proposed_side=proposer_side,
            proposed_at=at,
            reason="تقدم ملموس في التنفيذ",
            visibility=Visibility.PUBLIC,
            original_language="ar",
            **row,
        )

    def sources(self) -> None:
        """Press articles quoting recommendations, each citation the exact words it cites."""
        recommendations = self.tables["recommendations"].rows
        per_source = 40
        for first in range(0, len(recommendations), per_source * 5):
            chosen = range(first, min(first + per_source * 5, len(recommendations)), 5)
            parts = [f"بلاغ صحفي رقم {first // (per_source * 5) + 1} للعرض التجريبي {self.seed}."]
            spans: list[tuple[int, int, int]] = []
            offset = len(parts[0]) + 1
            for position in chosen:
                text = recommendations[position]["text_ar"]
                if not text:
                    continue
                sentence = f"وأوصت اللجنة بـ{text}."
                start = offset + len("وأوصت اللجنة بـ")
                spans.append((position, start, start + len(text)))
                parts.append(sentence)
                offset += len(sentence) + 1
            body = "\n".join(parts)
            published = dt.date(2005, 1, 1) + dt.timedelta(days=self.rng.randrange(365 * 21))
            source = self.add(
                "sources",
                title=_spell(f"الأجهزة الأمنية المغربية والإسبانية: بلاغ {len(spans)}", self.rng),
                text=body,
                language="ar",
                publisher="وكالة الأنباء التجريبية",
                published_on=published,
                sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
                visibility=Visibility.PUBLIC,
            )
            for position, start, end in spans:
                self.add(
                    "citations",
                    source=Ref("sources", source),
                    content_type=("recommendations", "recommendation"),
                    object_id=Ref("recommendations", position),
                    field="text",
                    start=start,
                    end=end,
                    quote=body[start:end],
                    created_at=self.base,
                )


# --- loading --------------------------------------------------------------------------------


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The columns a row is written with: every concrete, non-generated one."""
    return [
        column
        for column in model._meta.concrete_fields
        if not isinstance(column, models.GeneratedField)
    ]


def _reserve(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys from the table's own sequence (so later inserts never collide)."""
    if not count:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _audit_insert_triggers(model: type[models.Model]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal"
            " AND tgname LIKE 'pgtrigger_insert_insert_%%'",
            [model._meta.db_table],
        )
        return [row[0] for row in cursor.fetchall()]


def _set_triggers(model: type[models.Model], names: Iterable[str], *, enabled: bool) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    verb = "ENABLE" if enabled else "DISABLE"
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"ALTER TABLE {table} {verb} TRIGGER {connection.ops.quote_name(name)}")


def _value(
    column: models.Field[Any, Any], row: dict[str, Any], resolve: Callable[[Any], Any]
) -> Any:
    name = column.name
    if name in row:
        value = row[name]
    elif column.attname in row:
        value = row[column.attname]
    elif column.db_default is not models.NOT_PROVIDED:
        return timezone.now()  # the only database defaults here are timestamps (Now())
    else:
        value = column.get_default()
    return resolve(value)


def load(data: Plan, *, audited: bool = False, report: Callable[[str], None] = print) -> None:
    """Write ``data`` to the database in one transaction (see the module docstring)."""
    if Recommendation.objects.filter(
        reference__startswith=f"{REFERENCE_PREFIX}{data.seed}-"
    ).exists():
        raise ValueError(
            f"demo data of seed {data.seed} is already in this database; "
            "use another --seed or an empty database"
        )
    content_types: dict[tuple[str, str], int] = {}
    with transaction.atomic():
        keys: dict[str, list[int]] = {
            name: _reserve(table.model, len(table.rows)) for name, table in data.tables.items()
        }

        for table in data.tables.values():  # no query may run while a COPY is in progress
            for row in table.rows:
                for value in row.values():
                    if isinstance(value, tuple) and value not in content_types:
                        content_types[value] = ContentType.objects.get_by_natural_key(*value).pk

        def resolve(value: Any) -> Any:
            if isinstance(value, enum.Enum):  # psycopg would write an enum's name
                return value.value
            if isinstance(value, Ref):
                return keys[value.table][value.position]
            if isinstance(value, tuple):  # a content type, by natural key
                return content_types[value]
            return value

        # PostgreSQL alters no table with deferred checks pending: run the caller's checks
        # now, then ours before enabling the triggers again; deferred again at the end.
        _check_constraints_now()
        triggers = {
            name: [] if audited else _audit_insert_triggers(table.model)
            for name, table in data.tables.items()
        }
        for name, table in data.tables.items():
            _set_triggers(table.model, triggers[name], enabled=False)
        for name, table in data.tables.items():
            started = time.perf_counter()
            _copy(table, keys[name], resolve)
            elapsed = time.perf_counter() - started
            report(f"{name}: {len(table.rows):,} rows in {elapsed:.1f} s")
        _check_constraints_now()
        for name, table in data.tables.items():
            _set_triggers(table.model, triggers[name], enabled=True)
        with connection.cursor() as cursor:  # the planner's statistics, for the new sizes
            for table in data.tables.values():
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.model._meta.db_table)}")


def _check_constraints_now() -> None:
    """Run the pending foreign-key checks (all of them are deferrable, initially deferred)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _copy(table: Table, keys: list[int], resolve: Callable[[Any], Any]) -> None:
    model = table.model
    columns = _columns(model)
    names = ", ".join(connection.ops.quote_name(str(column.column)) for column in columns)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"
    pk = model._meta.pk
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for key, row in zip(keys, table.rows, strict=True):
            copy.write_row(
                [key if column is pk else _value(column, row, resolve) for column in columns]
            )
