"""The follow-up report: frozen when the meeting is held, shown to each reader as they may see
it, and as a PDF whose text is real text in the reader's language."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from committee.bilateral import Side, Visibility
from committee.public import pdf
from committee.recommendations.models import FollowUpReport, PeriodCheck, ReportEntry
from committee.recommendations.services import freeze_report, hold_meeting
from committee.write_paths import through_service
from tests import factories as f

pytestmark = pytest.mark.django_db

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")

ARABIC_TEXT = "تعزيز تبادل المعلومات بين المصالح الأمنية"
SPANISH_TEXT = "Reforzar el intercambio de información entre los servicios"


@pytest.fixture
def session(db, ma_member):
    """A planned annual session after a held one, with recommendations of every visibility."""
    body = f.BodyFactory(name_ar="اللجنة الأمنية الاستراتيجية", name_es="Comité Estratégico")
    earlier = f.MeetingFactory(
        kind="strategic_committee_session",
        body=body,
        title_es="Primera sesión",
        title_ar="الدورة الأولى",
        start_date=dt.date(2014, 3, 6),
        end_date=None,
        end_precision="",
    )
    planned = f.MeetingFactory(
        kind="strategic_committee_session",
        body=body,
        status="planned",
        title_es="Segunda sesión",
        title_ar="الدورة الثانية",
        start_date=dt.date(2015, 5, 4),
        end_date=None,
        end_precision="",
    )
    shared = f.RecommendationFactory(
        reference="SES1-2014-R01",
        body=body,
        text_ar=ARABIC_TEXT,
        text_es=SPANISH_TEXT,
        status="in_progress",
        completion="limited",
    )
    ma_only = f.RecommendationFactory(
        reference="SES1-2014-R02", body=body, visibility=Visibility.MA, text_es="Solo Marruecos"
    )
    standing = f.RecommendationFactory(
        reference="SES1-2014-R03", body=body, kind="standing", text_es="Reunión anual"
    )
    done = f.RecommendationFactory(
        reference="SES1-2014-R04", body=body, status="implemented", completion="complete"
    )
    for recommendation in (shared, ma_only, standing, done):
        f.AdoptionFactory(recommendation=recommendation, meeting=earlier)
    later = f.RecommendationFactory(reference="SES3-2016-R01", body=body)
    f.AdoptionFactory(
        recommendation=later,
        meeting=f.MeetingFactory(start_date=dt.date(2016, 1, 4), end_date=None, end_precision=""),
    )
    PeriodCheck.objects.create(
        recommendation=standing, year=2015, met=True, meeting=planned, visibility="public"
    )
    f.ProgressUpdateFactory(
        recommendation=shared,
        author=ma_member,
        state="published",
        published_at=dt.datetime(2015, 2, 1, tzinfo=dt.UTC),
        as_of=dt.date(2015, 2, 1),
        visibility=Visibility.COMMITTEE,
    )
    return {
        "body": body,
        "earlier": earlier,
        "planned": planned,
        "shared": shared,
        "ma_only": ma_only,
        "standing": standing,
        "done": done,
        "later": later,
    }


def test_holding_a_meeting_freezes_the_status_of_every_recommendation_on_record(
    session, ma_secretariat
):
    report = hold_meeting(session["planned"], by=ma_secretariat)
    session["planned"].refresh_from_db()
    assert session["planned"].status == "held"
    entries = {e.recommendation.reference: e for e in report.entries.all()}
    assert set(entries) == {"SES1-2014-R01", "SES1-2014-R02", "SES1-2014-R03", "SES1-2014-R04"}
    assert entries["SES1-2014-R01"].status == "in_progress"
    assert entries["SES1-2014-R01"].last_update is not None
    assert entries["SES1-2014-R02"].visibility == Visibility.MA
    assert entries["SES1-2014-R03"].period_met is True
    assert entries["SES1-2014-R01"].period_met is None  # not a standing recommendation
    assert report.as_of == dt.date(2015, 5, 4)
    assert report.frozen_by == ma_secretariat


def test_later_changes_do_not_change_the_frozen_report(client, session, ma_secretariat):
    hold_meeting(session["planned"], by=ma_secretariat)
    with through_service():  # an operator's correction, past the two keys
        session["shared"].status, session["shared"].completion = "implemented", "complete"
        session["shared"].save()
    page = client.get(f"/en/meetings/{session['planned'].pk}/report/").text
    assert "In progress" in page
    assert "Implemented" not in page.split("SES1-2014-R01")[1].split("</tr>")[0]
    # and freezing again gives the same report, not a new one
    assert (
        freeze_report(session["planned"]).entries.get(recommendation=session["shared"]).status
        == "in_progress"
    )
    assert FollowUpReport.objects.count() == 1


def test_the_database_refuses_to_change_a_frozen_report(session):
    report = hold_meeting(session["planned"])
    with pytest.raises(DatabaseError, match="Cannot update"), transaction.atomic():
        ReportEntry.objects.filter(report=report).update(status="implemented")
    with pytest.raises(DatabaseError, match="Cannot update or delete"), transaction.atomic():
        ReportEntry.objects.filter(report=report).delete()
    with pytest.raises(DatabaseError, match="Cannot update"), transaction.atomic():
        FollowUpReport.objects.filter(pk=report.pk).update(as_of=dt.date(2020, 1, 1))


def test_only_a_planned_meeting_is_held(session):
    with pytest.raises(ValidationError):
        hold_meeting(session["earlier"])
    assert not FollowUpReport.objects.exists()


def test_the_report_shows_each_reader_only_what_they_may_see(client, session, ma_member, es_member):
    hold_meeting(session["planned"])
    url = f"/es/meetings/{session['planned'].pk}/report/"
    public = client.get(url).text
    assert "SES1-2014-R01" in public and "SES1-2014-R02" not in public
    assert "1 de febrero de 2015" not in public  # a committee update is not for the public
    client.force_login(es_member)
    spanish = client.get(url).text
    assert "SES1-2014-R02" not in spanish and "Solo Marruecos" not in spanish
    assert "1 de febrero de 2015" in spanish
    client.force_login(ma_member)
    assert "SES1-2014-R02" in client.get(url).text


def test_a_restricted_recommendation_made_private_later_leaves_the_report(client, session):
    hold_meeting(session["planned"])
    with through_service():
        session["shared"].visibility = Visibility.ES
        session["shared"].save()
    assert "SES1-2014-R01" not in client.get(f"/es/meetings/{session['planned'].pk}/report/").text


def test_a_meeting_without_a_report_says_so_and_has_no_pdf(client, session):
    held_without = session["earlier"]
    response = client.get(f"/fr/meetings/{held_without.pk}/report/")
    assert response.status_code == 200
    assert "L’état des recommandations n’a pas été enregistré" in response.text
    assert "figé" not in response.text
    assert client.get(f"/fr/meetings/{held_without.pk}/report.pdf").status_code == 404
    planned = client.get(f"/es/meetings/{session['planned'].pk}/report/")
    assert "todavía no se ha celebrado" in planned.text
    detail = client.get(f"/en/meetings/{held_without.pk}/").text
    assert (
        "The status of the recommendations was not recorded when this meeting was held." in detail
    )
    assert "frozen" not in detail


def test_the_report_of_the_other_delegations_private_meeting_is_not_found(client, es_member):
    private = f.MeetingFactory(visibility=Visibility.MA, status="planned")
    hold_meeting(private)
    client.force_login(es_member)
    for suffix in ("report/", "report.pdf", "minutes/"):
        assert client.get(f"/es/meetings/{private.pk}/{suffix}").status_code == 404


#: Marks pdftotext puts around right-to-left runs; they are not part of the words.
BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def in_order(words: list[str], text: str) -> bool:
    """Whether ``words`` appear in ``text`` one after the other (lines may break between)."""
    position = 0
    for word in words:
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def pdf_text(content: bytes, tmp_path: Path) -> str:
    if PDFTOTEXT is None:
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(content)
    result = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return result.stdout.decode()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "words", "text_words"),
    [
        (
            "ar",
            [
                "حالة التوصيات في تاريخ هذا الاجتماع",
                ARABIC_TEXT,
                "SES1-2014-R01",
                "قيد التنفيذ",
                "لا يتضمن هذا التقرير تغييرات الحالة ولا تقارير التقدم",
            ],
            ARABIC_TEXT.split(),
        ),
        (
            "es",
            ["Situación de las recomendaciones", "SES1-2014-R01", "En curso", "Comité Estratégico"],
            SPANISH_TEXT.split(),
        ),
        (
            "fr",
            ["État des recommandations", "SES1-2014-R01", "En cours", ARABIC_TEXT],
            ["État", "des", "recommandations", "SES1-2014-R01", "En", "cours"],
        ),
    ],
)
def test_the_pdf_holds_the_words_in_their_order(
    client, session, tmp_path, language, words, text_words
):
    hold_meeting(session["planned"])
    response = client.get(f"/{language}/meetings/{session['planned'].pk}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if PDFTOPPM is not None and os.environ.get("REPORT_PNG_DIR"):
        out = Path(os.environ["REPORT_PNG_DIR"]) / f"report-{language}"
        pdf = out.with_suffix(".pdf")
        pdf.write_bytes(response.content)
        subprocess.run(
            [PDFTOPPM, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(out)], check=True
        )
    text = " ".join(pdf_text(response.content, tmp_path).translate(BIDI_MARKS).split())
    for phrase in words:
        assert phrase in text, f"{phrase!r} not in the PDF text:\n{text[:2000]}"
    assert in_order(text_words, text), f"{text_words} not in order in:\n{text[:2000]}"
    assert "SES1-2014-R02" not in text  # Moroccan only: not for the public


def test_the_pdf_fetches_nothing_a_record_names(client, session, monkeypatch, tmp_path):
    session[
        "shared"
    ].text_es = (
        '<img src="http://127.0.0.1:9/x.png"> <link rel="stylesheet" href="file:///etc/passwd">'
    )
    session["shared"].save()
    hold_meeting(session["planned"])
    asked: list[str] = []
    refuse = pdf.refuse_fetch

    def recording_refusal(url, *args, **kwargs):
        asked.append(url)
        return refuse(url)

    monkeypatch.setattr(pdf, "refuse_fetch", recording_refusal)
    response = client.get(f"/es/meetings/{session['planned'].pk}/report.pdf")
    assert response.status_code == 200
    assert asked == []  # the markup is text, escaped: nothing to fetch…
    assert '<img src="http://127.0.0.1:9/x.png">' in pdf_text(response.content, tmp_path)
    with pytest.raises(pdf.NothingFetched):  # …and whatever were asked would be refused
        pdf.refuse_fetch("file:///etc/passwd")


def test_the_side_of_the_last_update_is_the_delegation(session):
    report = hold_meeting(session["planned"])
    assert report.entries.get(recommendation=session["shared"]).last_update.side == Side.MA


def test_the_report_page_runs_in_the_same_number_of_queries_for_few_and_many(
    client, session, ma_member, django_assert_max_num_queries
):
    small = f.MeetingFactory(
        status="planned", start_date=dt.date(2013, 1, 7), end_date=None, end_precision=""
    )
    hold_meeting(small)  # nothing on record yet: an empty report
    hold_meeting(session["planned"])
    client.force_login(ma_member)
    client.get("/es/")  # renews the session: the requests measured below do not
    with django_assert_max_num_queries(40) as few:
        assert "SES1" not in client.get(f"/es/meetings/{small.pk}/report/").text
    # The empty report shows no translated text; the full one asks once which are machine
    # drafts (committee.translations.readers), whatever their number.
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        page = client.get(f"/es/meetings/{session['planned'].pk}/report/").text
    assert page.count("SES1-2014-R0") >= 4
