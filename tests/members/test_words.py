"""The other delegation's words and people's names (issue "What matters at a glance").

What someone wrote is shown in its own language, with its ``lang`` and ``dir`` on exactly the
element that holds it; the two-key pages show what the decision rests on; people appear by
name and delegation, never by username.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from committee.bilateral import Side, Visibility
from committee.languages import LocalizedText, written
from committee.recommendations import services
from committee.recommendations.models import StatusChange
from committee.uploads import check_upload
from tests import factories as f
from tests.factories import PDF

pytestmark = pytest.mark.django_db

ARABIC_REASON = "نُفذت التوصية بالكامل وفق ما اتفق عليه الطرفان."
SPANISH_REASON = "Falta el informe de la Comisaría General de Extranjería."


class _Tagged(HTMLParser):
    """Every element that carries ``lang``, with its ``dir`` and the text inside it."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[list] = []
        self.found: list[tuple[str, dict[str, str | None], str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.open.append([tag, dict(attrs), []])

    def handle_endtag(self, tag):
        while self.open:
            name, attrs, text = self.open.pop()
            if "lang" in attrs:
                self.found.append((name, attrs, "".join(text)))
            if self.open:
                self.open[-1][2].extend(text)
            if name == tag:
                break

    def handle_data(self, data):
        if self.open:
            self.open[-1][2].append(data)


def tagged(html: str) -> list[tuple[str, dict[str, str | None], str]]:
    parser = _Tagged()
    parser.feed(html)
    return parser.found


def holding(html: str, text: str) -> list[tuple[str, dict[str, str | None], str]]:
    """The elements with a ``lang`` of their own whose text contains ``text``, innermost first,
    the page's ``<html>`` left out."""
    return [e for e in tagged(html) if text in e[2] and e[0] != "html"]


def marked(html: str, text: str) -> tuple[dict[str, str | None], str]:
    """The attributes and the text of the innermost element with a language holding ``text``."""
    elements = holding(html, text)
    assert elements, f"{text!r} is not shown in an element of its own language"
    _name, attrs, inner = elements[0]
    return attrs, inner


@pytest.fixture
def proposal(ma_seated, rec):
    """A Moroccan member closes the recommendation, writing in Arabic on an Arabic page."""
    return services.propose_status_change(
        recommendation=rec,
        by=ma_seated,
        to_status="implemented",
        reason=ARABIC_REASON,
        language="ar",
    )


# --- What must not happen ---------------------------------------------------------------------


def test_an_arabic_reason_on_a_spanish_page_is_marked_arabic_and_nothing_else_is(
    client, es_seated, proposal
):
    client.force_login(es_seated)
    html = client.get(f"/es/me/status-changes/{proposal.pk}/").content.decode()
    assert '<html lang="es" dir="ltr">' in html
    attrs, text = marked(html, ARABIC_REASON)
    assert (attrs["lang"], attrs["dir"]) == ("ar", "rtl")
    assert text.strip() == ARABIC_REASON  # exactly the reason, not the page around it
    # The page's own words are not marked Arabic: no Arabic element holds a Spanish label.
    for name, attrs, text in tagged(html):
        if attrs.get("lang") == "ar" and name != "a":
            assert "Motivo" not in text and "Confirmar" not in text


def test_a_spanish_reason_on_an_arabic_page_is_not_laid_out_right_to_left(
    client, ma_seated, es_seated, proposal
):
    services.reject_status_change(
        change=proposal, by=es_seated, reason=SPANISH_REASON, language="es"
    )
    client.force_login(ma_seated)
    html = client.get(f"/ar/me/status-changes/{proposal.pk}/").content.decode()
    attrs, text = marked(html, SPANISH_REASON)
    assert (attrs["lang"], attrs["dir"]) == ("es", "ltr")
    assert text.strip() == SPANISH_REASON


def test_a_language_tag_is_not_written_in_the_other_language_s_script():
    translation.activate("es")
    arabic_only = LocalizedText("نص بالعربية", "ar", "es", "ar")
    html = str(written(arabic_only))
    assert "[العربية]" not in html
    assert "[árabe]" in html
    assert 'title="العربية' in html  # the original name stays at hand


def test_a_text_whose_language_is_not_known_gets_no_language_but_its_own_direction():
    html = str(written("<b>سطر</b>\nline"))
    assert "lang=" not in html
    assert 'dir="auto"' in html
    assert "&lt;b&gt;" in html and "<br>" in html  # escaped, line breaks kept


def test_no_username_shows_for_people_who_have_a_name(client, ma_seated, es_seated, proposal, rec):
    ma_seated.first_name, ma_seated.last_name = "Karim", "Alaoui"
    ma_seated.save()
    update = services.record_progress(
        recommendation=rec,
        author=ma_seated,
        as_of="2015-02-01",
        narrative="عقدت دورة تكوينية",
        language="ar",
        proposed_completion="",
        visibility=Visibility.COMMITTEE,
        evidence=[],
    )
    services.publish_progress(update=update, by=ma_seated)
    client.force_login(es_seated)
    pages = [
        f"/es/me/status-changes/{proposal.pk}/",
        f"/es/me/recommendations/{rec.reference}/",
        "/es/me/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "ma_seated" not in html, url
        assert "es_seated" not in html, url
        # The dashboard's first panel names the proposing side only; the others name people.
        assert "Karim Alaoui" in html or url == "/es/me/", url
    html = client.get(pages[0]).content.decode()
    assert re.search(r"<bdi>Karim Alaoui</bdi> \(Marruecos\)", html)


def test_an_account_is_named_by_its_holder_and_delegation(ma_seated):
    ma_seated.first_name, ma_seated.last_name = "Karim", "Alaoui"
    assert str(ma_seated) == "Karim Alaoui (Morocco)"
    ma_seated.first_name = ma_seated.last_name = ""
    assert ma_seated.display_name == str(ma_seated.person.name)  # the person it is
    bare = f.UserFactory(username="bare_account", side=Side.ES)
    assert str(bare) == "bare_account (Spain)"  # nothing else to call it by


def test_a_person_shared_with_one_delegation_does_not_name_an_account_to_all():
    person = f.PersonFactory(name_es="Nombre reservado", visibility=Visibility.MA)
    account = f.UserFactory(username="ma_reserved", side=Side.MA, person=person)
    assert account.display_name == "ma_reserved"
    assert "Nombre reservado" not in str(account)


# --- What the deciding member needs on the page --------------------------------------------------


def _publish(rec, author, narrative, language, as_of):
    update = services.record_progress(
        recommendation=rec,
        author=author,
        as_of=as_of,
        narrative=narrative,
        language=language,
        proposed_completion="",
        visibility=Visibility.COMMITTEE,
        evidence=[],
    )
    services.publish_progress(update=update, by=author)
    update.refresh_from_db()
    return update


def test_the_confirm_page_shows_the_latest_report_not_an_older_one_nor_a_draft(
    client, ma_seated, es_seated, rec, proposal
):
    _publish(rec, ma_seated, "تقرير قديم", "ar", "2014-01-01")
    _publish(rec, ma_seated, "Rapport le plus récent", "fr", "2015-03-01")
    services.record_progress(
        recommendation=rec,
        author=es_seated,
        as_of="2015-06-01",
        narrative="Borrador no publicado",
        language="es",
        proposed_completion="",
        visibility=Visibility.COMMITTEE,
        evidence=[],
    )
    client.force_login(es_seated)
    html = client.get(f"/es/me/status-changes/{proposal.pk}/").content.decode()
    assert "تقرير قديم" not in html
    assert "Borrador no publicado" not in html  # a draft, even one's own, decides nothing
    attrs = marked(html, "Rapport le plus récent")[0]
    assert (attrs["lang"], attrs["dir"]) == ("fr", "ltr")
    assert "Último informe de avance" in html


def test_the_confirm_page_shows_the_evidence_and_the_sources(
    client, ma_seated, es_seated, rec, proposal, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    update = services.record_progress(
        recommendation=rec,
        author=ma_seated,
        as_of="2015-03-01",
        narrative="أنجز التكوين",
        language="ar",
        proposed_completion="",
        visibility=Visibility.COMMITTEE,
        evidence=[check_upload(SimpleUploadedFile("informe-final.pdf", PDF))],
    )
    services.publish_progress(update=update, by=ma_seated)
    source = f.SourceDocumentFactory(text="La Comisión aprobó el informe final.", language="es")
    f.CitationFactory(source=source, record=rec, start=0, end=12, quote=source.text[:12])
    hidden = f.SourceDocumentFactory(
        text="Nota interna marroquí", language="es", visibility=Visibility.MA
    )
    f.CitationFactory(source=hidden, record=rec, start=0, end=12, quote=hidden.text[:12])
    client.force_login(es_seated)
    html = client.get(f"/es/me/status-changes/{proposal.pk}/").content.decode()
    assert "informe-final.pdf" in html
    assert reverse("evidence-download", args=[update.evidence.get().pk]) in html
    assert "La Comisión" in html
    assert "Nota interna" not in html  # a source the Spanish member may not see
    attrs = marked(html, "La Comisión")[0]
    assert attrs["lang"] == "es"


def test_the_publication_page_shows_the_report_to_be_published_in_its_language(
    client, ma_seated, es_seated, rec
):
    update = _publish(rec, ma_seated, "تقرير للنشر", "ar", "2015-03-01")
    _publish(rec, ma_seated, "Un rapport plus récent", "fr", "2015-05-01")
    publication = services.propose_publication(
        record=update, by=ma_seated, reason="Para informar al público", language="es"
    )
    client.force_login(es_seated)
    html = client.get(f"/es/me/publication-requests/{publication.pk}/").content.decode()
    assert "Un rapport plus récent" not in html  # the report proposed, not the latest
    attrs = marked(html, "تقرير للنشر")[0]
    assert (attrs["lang"], attrs["dir"]) == ("ar", "rtl")
    attrs = marked(html, "Para informar al público")[0]
    assert attrs["lang"] == "es"


# --- What is recorded ----------------------------------------------------------------------------


def test_a_reason_records_the_language_of_the_page_it_was_written_on(client, es_seated, proposal):
    client.force_login(es_seated)
    response = client.post(
        f"/fr/me/status-changes/{proposal.pk}/", {"action": "reject", "reason": "Pas encore."}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.decision_reason, proposal.decision_language) == ("Pas encore.", "fr")
    assert proposal.original_language == "ar"


def test_a_reason_written_without_a_page_is_in_the_writer_s_preferred_language(es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=es_seated, to_status="not_implemented", reason="No procede."
    )
    assert change.original_language == "es"  # es_seated prefers Spanish
    assert StatusChange.objects.get().original_language == "es"


def test_the_reason_for_a_status_keeps_its_language(ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec,
        by=es_seated,
        to_status="not_implemented",
        reason="No se dispone de medios.",
        language="es",
    )
    services.confirm_status_change(change=change, by=ma_seated)
    rec.refresh_from_db()
    assert (rec.status_reason, rec.status_reason_language) == ("No se dispone de medios.", "es")
