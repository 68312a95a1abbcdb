"""``plan(scale, seed)``: every row of a demo committee, built in memory."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from committee.bilateral import Decision, Role, Side, Visibility
from committee.demo.tables import REFERENCE_PREFIX, TABLES, USERNAME_PREFIX, Plan, Ref, Table
from committee.demo.words import (
    ARABIC_ACTIONS,
    ARABIC_OBJECTS,
    ARABIC_TAILS,
    CITIES,
    ENGLISH_OBJECTS,
    FAMILY_AR,
    FAMILY_ES,
    FRENCH_ACTIONS,
    FRENCH_OBJECTS,
    FRENCH_TAILS,
    GIVEN_AR,
    GIVEN_ES,
    PROGRESS_AR,
    PROGRESS_ES,
    PROGRESS_FR,
    SPANISH_ACTIONS,
    SPANISH_OBJECTS,
    SPANISH_TAILS,
    THEMES,
    random_visibility,
    spell,
)
from committee.meetings.models import MeetingKind, MeetingStatus


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
                name_ar=spell(f"المديرية الجهوية للأمن رقم {n + 1}", self.rng),
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
            spelled = spell(name_ar, self.rng) if side == Side.MA else name_ar
            position = self.add(
                "people",
                name_ar=spelled,
                name_es=name_es,
                name_fr=latin if side == Side.ES else "",
                position_ar=spell("مسؤول بالمديرية العامة للأمن الوطني", self.rng)
                if side == Side.MA
                else "مسؤول بالشرطة الإسبانية",
                position_es="Responsable de cooperación policial",
                side=side,
                organization=Ref("organizations", self.rng.randrange(organizations)),
                visibility=random_visibility(self.rng),
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
                name_ar=spell(f"اللجنة الفرعية {n + 1} حول {ARABIC_OBJECTS[theme]}", self.rng),
                name_es=f"Subcomisión {n + 1} sobre {SPANISH_OBJECTS[theme]}",
                name_fr=f"Sous-commission {n + 1} sur {FRENCH_OBJECTS[theme]}",
                mandate_ar=spell(f"متابعة {ARABIC_OBJECTS[theme]}", self.rng),
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
                title_ar=spell(f"الاجتماع {ordinal} حول {ARABIC_OBJECTS[theme]}", self.rng),
                title_es=f"Reunión {ordinal} sobre {SPANISH_OBJECTS[theme]}",
                title_fr=f"Réunion {ordinal} sur {FRENCH_OBJECTS[theme]}"
                if self.rng.random() < 0.5
                else "",
                summary_ar=spell(
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
                visibility=Visibility.PUBLIC
                if self.rng.random() < 0.9
                else random_visibility(self.rng),
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
            text_ar = spell(
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
                visibility=random_visibility(self.rng),
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
                narrative_ar=spell(self.rng.choice(PROGRESS_AR), self.rng)
                if side == Side.MA
                else "",
                narrative_es=self.rng.choice(PROGRESS_ES) if side == Side.ES else "",
                narrative_fr=self.rng.choice(PROGRESS_FR) if self.rng.random() < 0.2 else "",
                proposed_completion=self.rng.choice(("", "limited", "substantial")),
                state="published" if published else "draft",
                published_at=dt.datetime.combine(as_of, dt.time(10), tzinfo=dt.UTC)
                if published
                else None,
                visibility=random_visibility(self.rng),
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
                title=spell(f"الأجهزة الأمنية المغربية والإسبانية: بلاغ {len(spans)}", self.rng),
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
