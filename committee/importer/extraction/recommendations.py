"""Recommendations: what a meeting recommends, calls for or agrees on, one record per action.

A *trigger* introduces the action; the *object* is the clause that names it, starting with an
action noun (masdar) and running to the next trigger, to a continuation («، بالإضافة إلى
…», «، فضلا عن …», «، و+masdar») or to the end of the sentence:

* «أوصى المجتمعون … **ب**وضع خطة عمل …» — the object follows the first «بـ + masdar»;
* «الدعوة إلى تعزيز …», «دعا المشاركون إلى …» (not a person: that is a statement);
* «اتفق الطرفان … **على** ضرورة عقد …» — the first «على» that is not «على مدى» & co.;
* «التأكيد على أهمية …», «مطالبين بـ …», «قرر …», «همت التوصيات …»;
* «قرر الطرفان أن اللجنة ستجتمع …», «تقرر أن تعرض …» — a decision's that-clause, from its
  subject or verb; «نص الإعلان على إمكانية عقد …», «يمكن للجنة عقد …» — what a joint
  declaration provides.

A decision ends where the writer's comment on it starts («، وهو ما …», «، مما …», «، حيث …»).
A joint declaration lists its decisions as «، وأن …» clauses: each is cut at its own clause,
and «، وأن يترأسها …» only ends the one before it (who chairs is a rule of the body, its
chairs). Rules of a body's sessions are standing: yearly, in turn («بالتناوب»), before every
session, extraordinary ones «بطلب من أحد …».

An object that is not an action («اتفق الطرفان على أرضية النقاش») is no recommendation.
A compound one that creates plural bodies («إحداث لجان فرعية …») gets one child per body when
the text lists them («ويتعلق الأمر بلجنة فرعية …، ولجنة فرعية …»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from committee.importer.extraction.bodies import BodyMention
from committee.importer.extraction.model import RecommendationKind, Theme
from committee.importer.extraction.plans import PlanMention
from committee.importer.extraction.text import Document, ar, folded_words
from committee.importer.extraction.themes import classify
from committee.importer.extraction.verbal_nouns import bare, is_action_noun

Word = tuple[int, int, str]


@dataclass(slots=True)
class RecommendationDraft:
    trigger: tuple[int, int]
    text: tuple[int, int]
    kind: RecommendationKind = "one_off"
    theme: Theme = "other"
    body: int | None = None
    plan: int | None = None
    parent: int | None = None
    children: list[int] = field(default_factory=list)


_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (mode, ar(pattern))
    for mode, pattern in (
        ("search_b", r"(?<!\w)[وف]?(?:كما\s+)?(?:أوصى|أوصت|أوصوا|يوصي|توصي|أوصيا)(?!\w)"),
        ("direct", r"(?<!\w)[وف]?(?:الدعوة|دعوة)\s+(?:إلى|الى|ل)(?=\s|ل)"),
        ("search_ila", r"(?<!\w)[وف]?(?:كما\s+)?(?:دعا|دعت|دعوا|يدعو|تدعو|دعيا)(?!\w)"),
        (
            "search_ala",
            r"(?<!\w)[وف]?(?:كما\s+)?(?:اتفق|اتفقت|اتفقوا|اتفقا|يتفق|تتفق|توافق|توافقوا|(?:تم|وقع)(?:\s+\w+)?\s+الاتفاق)(?!\w)",
        ),
        ("direct", r"(?<!\w)[وف]?(?:التأكيد|التشديد)\s+على(?!\w)"),
        ("direct", r"(?<!\w)[وف]?(?:مطالبين|مطالبا|مطالبة|داعين|داعيا|داعية)(?!\w)"),
        ("decide", r"(?<!\w)[وف]?(?:كما\s+)?(?:قرر|قررت|قرروا|تقرر)(?!\w)"),
        ("direct", r"(?<!\w)[وف]?(?:كما\s+)?(?:صادق|صادقت|صادقوا|تمت\s+المصادقة)(?!\w)"),
        ("search_ala", r"(?<!\w)[وف]?(?:كما\s+)?(?:نص|ينص|تنص)(?!\w)"),
        # What a body may do: «كما يمكن للجنة عقد اجتماعات استثنائية …», «ويجوز لها …».
        (
            "direct",
            r"(?<!\w)[وف]?(?:كما\s+)?(?:يمكن|يجوز)\s+(?:لها|له|لهما|للجنة|للطرفين|للجانبين|للبلدين"
            r"|لكل\s+طرف|لكلا\s+الطرفين|للمديرين\s+العامين|لأحد\s+الطرفين)(?!\w)",
        ),
        ("direct", r"(?<!\w)(?:التوصيات|توصيات|التوصية)[^.:،]{0,80}:"),
        (
            "direct",
            r"(?<!\w)[وف]?(?:همت|تضمنت|شملت|نصت)\s+(?:هذه\s+)?(?:التوصيات|التوصية|الوثيقة\s+النهائية|الوثيقة\s+الختامية|البيان\s+الختامي)(?!\w)",
        ),
    )
)
_CONTINUATION = ar(
    r"[،,]?\s*(?:بالإضافة\s+إلى|بالاضافة\s+الى|فضلا\s+عن|علاوة\s+على|إلى\s+جانب|وكذا|وكذلك)\s+"
    r"|[،,]\s*و(?:على|إلى|الى)\s+|[،,]\s*و(?=\w)"
)
_NOT_OBJECT_ALA = folded_words("مدى هامش رأس مستوى غرار امتداد الصعيد إثر اثر الأقل هذا هذه")
_SKIP = folded_words("ضرورة أهمية بضرورة بأهمية إمكانية بإمكانية على إلى الى ب كذلك أيضا")
_STANDING = ar(
    r"(?<!\w)(?:ال)?(?:سنوية|سنوي|سنويا|دورية|دوري|دوريا|منتظمة)(?!\w)|بشكل\s+منتظم|بانتظام|كل\s+سنة"
    r"|بصفة\s+(?:مستمرة|منتظمة|دورية)"
    # Standing rules of a body's sessions: who hosts in turn, what precedes each session,
    # when an extraordinary one is called.
    r"|(?<!\w)بالتناوب(?!\w)|(?<!\w)كل\s+(?:دورة|اجتماع)(?!\w)|(?<!\w)(?:ال)?استثنائية(?!\w)"
    r"|بطلب\s+من\s+أحد|(?<!\w)كلما(?!\w)|عند\s+(?:الاقتضاء|الحاجة)"
)
#: «وأن يترأسها المديران العامان …»: who chairs is a rule of the body (its chairs), not an action.
_CHAIR_RULE = ar(r"(?:يترأس|تترأس|يرأس|ترأس|يتولى\s+رئاسة|تتولى\s+رئاسة)")
#: «، وهو ما سيمكن …», «، مما …», «، حيث …»: the writer's comment on a decision, not part of it.
_COMMENT = ar(
    r"[،,]\s*(?:وهو\s+ما|وهي\s+خطوة|مما|الأمر\s+الذي|حيث|وذلك\s+في\s+إطار|وذلك\s+في\s+سياق)(?!\w)"
)
#: «أن اللجنة ستجتمع …»: a verb after the subject of a that-clause (future, or present).
_THAT_VERB = ar(r"س?[يت]\w{2,}")
_ESTABLISHING = folded_words("إحداث انشاء إنشاء تشكيل تأسيس خلق إرساء استحداث")
_PLAN_ACTIONS = folded_words("إعداد اعتماد وضع تنفيذ المصادقة مصادقة بلورة صياغة تفعيل تبني")
_ENUMERATION = ar(
    r"(?<!\w)[وف]?يتعلق\s+الأمر\s+(?:ب|ب\s)|(?<!\w)(?:وهي|هي|تتمثل\s+في|تشمل|وتشمل|تضم|وتضم|وهم)(?!\w)|:"
)


class RecommendationReader:
    def __init__(
        self,
        doc: Document,
        bodies: list[BodyMention],
        plans: list[PlanMention],
        people: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.bodies = bodies
        self.plans = plans
        self.people = people
        self.drafts: list[RecommendationDraft] = []

    def read(self) -> list[RecommendationDraft]:
        for sentence in self.doc.sentences:
            self._sentence(*sentence)
        for index in range(len(self.drafts)):
            self._classify(index)
        for index in [i for i, d in enumerate(self.drafts) if d.kind == "establishes_body"]:
            self._split_compound(index)
        return self._ordered()

    # --- objects -------------------------------------------------------------------------
    def _sentence(self, start: int, end: int) -> None:
        """Objects of the sentence: (object start, trigger span, where its introduction starts)."""
        starts: list[tuple[int, tuple[int, int], int]] = []
        for mode, pattern in _TRIGGERS:
            for match in pattern.finditer(self.doc.norm, start, end):
                if self.doc.quote_at(match.start()):
                    continue
                begin = self._object_start(mode, match, end)
                if begin is not None:
                    trigger = (match.start() + _clitic(match.group()), match.end())
                    starts.append((begin, trigger, match.start()))
        if not starts:
            return
        first = min(starts)[0]
        cuts = [end, *(m.start() for m in _COMMENT.finditer(self.doc.norm, first, end))]
        for match in _CONTINUATION.finditer(self.doc.norm, first, end):
            begin = self._continued_at(match.end(), end)
            if begin is None or self.doc.quote_at(match.start()):
                continue
            if _CHAIR_RULE.match(self.doc.norm, begin):
                cuts.append(match.start())
                continue
            trigger = max(
                (s for s in starts if s[0] < match.start()),
                key=lambda s: s[0],
                default=starts[0],
            )[1]
            starts.append((begin, trigger, match.start()))
        starts = sorted({start[0]: start for start in starts}.values())
        stops = [introduction for _, _, introduction in starts[1:]] + [end]
        for (position, trigger, _), next_start in zip(starts, stops, strict=True):
            stop = min([next_start, *(cut for cut in cuts if cut > position)])
            text = self.doc.trim(position, stop)
            if text[1] - text[0] > 3:
                self.drafts.append(RecommendationDraft(trigger=trigger, text=text))

    def _continued_at(self, position: int, end: int) -> int | None:
        """Where a continuation's action starts: its masdar («، وتعزيز …», without «بـ»), or
        the subject or verb of «، وأن …»; ``None`` when it continues with something else."""
        words = self.doc.words(position, end)[:4]
        if not words:
            return None
        word = words[0][2]
        if word == "ان":
            return self._that_clause(words, 0)
        if not is_action_noun(word):
            return None
        if word[0] in "بل" and not word.startswith("لل") and is_action_noun(word[1:]):
            return words[0][0] + 1
        return words[0][0]

    def _object_start(self, mode: str, match: re.Match[str], end: int) -> int | None:
        words = self.doc.words(match.end(), end)[:40]
        if mode in ("direct", "decide"):
            return self._direct_start(words, decide=mode == "decide")
        if mode == "search_b":
            for index, (_, _, word) in enumerate(words[:14]):
                if word in ("علي", "بضروره", "باهميه") or (word[0] == "ب" and is_action_noun(word)):
                    return self._action_at(words, index)
            return None
        wanted = "الي" if mode == "search_ila" else "علي"
        for index, (word_start, _, word) in enumerate(words):
            if word != wanted or self.doc.quote_at(word_start):
                continue
            if (
                wanted == "علي"
                and index + 1 < len(words)
                and words[index + 1][2] in _NOT_OBJECT_ALA
            ):
                continue
            if mode == "search_ila" and self._person_between(match.end(), word_start):
                return None
            return self._action_at(words, index)
        return None

    def _direct_start(self, words: list[Word], *, decide: bool) -> int | None:
        """The action right after the trigger; after a decision verb, also the that-clause
        after the deciders («قرر الطرفان أن اللجنة ستجتمع …»)."""
        found = self._action_at(words, 0)
        that = next((i for i, word in enumerate(words[:4]) if word[2] == "ان"), None)
        if found is not None or that is None or not decide:
            return found
        return self._that_clause(words, that)

    def _action_at(self, words: list[Word], index: int) -> int | None:
        """Where the action noun at (or just after) ``words[index]`` starts, without «بـ»."""
        while index < len(words) and words[index][2] in _SKIP:
            index += 1
        if index >= len(words):
            return None
        start, _, word = words[index]
        if word == "ان":
            return self._that_clause(words, index)
        if not is_action_noun(word):
            return None
        if word[0] in "بل" and not word.startswith("لل") and is_action_noun(word[1:]):
            return start + 1
        return start

    def _that_clause(self, words: list[Word], index: int) -> int | None:
        """«أن تعرض …» starts at the verb; «أن اللجنة ستجتمع …» at the subject before it."""
        following = words[index + 1 : index + 3]
        if following and following[0][2][0] in "يت":
            return following[0][0]
        if (
            len(following) == 2
            and following[0][2].startswith("ال")
            and _THAT_VERB.fullmatch(following[1][2])
        ):
            return following[0][0]
        return None

    def _person_between(self, start: int, end: int) -> bool:
        return any(start <= person_start < end for person_start, _ in self.people)

    # --- what it does --------------------------------------------------------------------
    def _classify(self, index: int) -> None:
        draft = self.drafts[index]
        start, end = draft.text
        first = bare(self.doc.norm[start:end].split(" ", 1)[0])
        body = self._body_in(start, end)
        plan = self._plan_in(start, end)
        if body is not None and first in _ESTABLISHING and self.bodies[body].start - start < 30:
            draft.kind, draft.body = "establishes_body", body
        elif plan is not None and first in _PLAN_ACTIONS:
            draft.kind, draft.plan = "adopts_plan", plan
        else:
            draft.body = body
            if _STANDING.search(self.doc.norm, start, end):
                draft.kind = "standing"
        draft.theme = self._theme(draft)

    def _theme(self, draft: RecommendationDraft) -> Theme:
        """From what is established or planned when the text says («لجنة مكلفة بـ…», «مخطط
        … في مجال …»), else from the recommendation's own words."""
        if draft.kind == "adopts_plan" and draft.plan is not None:
            scope = self.plans[draft.plan].scope
            if scope:
                return classify(self.doc.norm[scope[0] : scope[1]], institutional=True)
        if draft.kind == "establishes_body" and draft.body is not None:
            if self.bodies[draft.body].plural:
                return "institutional"
            mandate = self.bodies[draft.body].mandate_text
            if mandate:
                return classify(mandate, institutional=True)
            return "institutional"
        text = self.doc.norm[draft.text[0] : draft.text[1]]
        return classify(text, institutional=draft.kind == "adopts_plan")

    def _body_in(self, start: int, end: int) -> int | None:
        for index, body in enumerate(self.bodies):
            if start <= body.start < end and not body.anaphoric:
                return index
        return None

    def _plan_in(self, start: int, end: int) -> int | None:
        for index, plan in enumerate(self.plans):
            if start <= plan.start < min(end, start + 40):
                return index
        return None

    def _split_compound(self, index: int) -> None:
        """«إحداث لجان فرعية … ويتعلق الأمر باللجنة …، واللجنة …»: one child per listed body."""
        draft = self.drafts[index]
        if draft.body is None or not self.bodies[draft.body].plural:
            return
        plural = self.bodies[draft.body]
        region_end = self._next_sentence_end(draft.text[1])
        marker = _ENUMERATION.search(self.doc.norm, plural.end, region_end)
        if marker is None:
            return
        sentence_end = self.doc.sentence_of(marker.start())[1]
        listed = [
            body_index
            for body_index, body in enumerate(self.bodies)
            if marker.end() <= body.start < sentence_end
            and not body.plural
            and body.kind == plural.kind
        ]
        if len(listed) < 2:
            return
        for body_index in listed:
            body = self.bodies[body_index]
            child = RecommendationDraft(
                trigger=draft.trigger,
                text=(body.start, body.end),
                kind="establishes_body",
                body=body_index,
                parent=index,
            )
            child.theme = self._theme(child)
            draft.children.append(len(self.drafts))
            self.drafts.append(child)
        draft.body = None

    def _next_sentence_end(self, position: int) -> int:
        index = self.doc.sentence_index(position)
        following = min(index + 1, len(self.doc.sentences) - 1)
        return self.doc.sentences[following][1]

    def _ordered(self) -> list[RecommendationDraft]:
        """Text order, each parent followed by its children; indices rewritten to match."""
        order: list[int] = []
        for index, draft in sorted(enumerate(self.drafts), key=lambda item: item[1].text[0]):
            if draft.parent is None:
                order.append(index)
                order.extend(draft.children)
        position = {old: new for new, old in enumerate(order)}
        result = []
        for old in order:
            draft = self.drafts[old]
            draft.parent = position[draft.parent] if draft.parent is not None else None
            draft.children = [position[child] for child in draft.children]
            result.append(draft)
        return result


def _clitic(trigger: str) -> int:
    """Characters of «و» / «ف» / «كما » before the trigger word proper."""
    skip = 0
    if trigger[:1] in "وف" and not trigger.startswith(("وافق", "ف ")):
        skip = 1
    if trigger[skip:].startswith("كما "):
        skip += len("كما ")
    return skip


def find_recommendations(
    doc: Document,
    bodies: list[BodyMention],
    plans: list[PlanMention],
    people: list[tuple[int, int]],
) -> list[RecommendationDraft]:
    """Recommendations in text order (children right after their parent)."""
    return RecommendationReader(doc, bodies, plans, people).read()
