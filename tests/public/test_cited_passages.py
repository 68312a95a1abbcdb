"""What a record's page shows of its sources: per article, the sentences that hold the cited
words (marked), each once, folded; never a list of one-word quotes, and never a citation or an
article the reader may not see. The article's page marks one record's words when asked."""

from __future__ import annotations

import pytest

from committee.bilateral import Visibility
from committee.sources.models import Citation
from committee.sources.passages import passages, sentence_bounds, statement_sentence
from tests import factories as f

pytestmark = pytest.mark.django_db

TEXT = (
    "اختتمت اليوم الجمعة بمراكش أشغال الندوة العلمية الثانية. "
    "وأكد المدير العام في تدخل له خلال الجلسة الختامية لهذه الندوة العزم على تنفيذ التوصيات. "
    "وتجدر الإشارة إلى أن اللقاء عرف حضورا مكثفا."
)
SECRET = "وثيقة داخلية: اجتمع الوفدان في مراكش لتقييم التعاون."


def cite(source, record, words, field="city"):
    start = source.text.index(words)
    return f.CitationFactory(
        source=source, record=record, start=start, end=start + len(words), field=field
    )


@pytest.fixture
def cited():
    meeting = f.MeetingFactory(title_es="Segundo seminario")
    source = f.SourceDocumentFactory(text=TEXT, title="اختتام الندوة", publisher="وكالة الأنباء")
    cite(source, meeting, "مراكش")
    cite(source, meeting, "اليوم الجمعة", field="end")
    cite(source, meeting, "الندوة", field="mention")
    cite(source, meeting, "اللقاء", field="mention")
    secret = f.SourceDocumentFactory(
        text=SECRET, title="محضر داخلي", visibility=Visibility.COMMITTEE
    )
    cite(secret, meeting, "مراكش")
    return {"meeting": meeting, "source": source, "secret": secret}


def test_a_committee_only_source_never_shows_to_the_public(client, cited, ma_member):
    url = f"/ar/meetings/{cited['meeting'].pk}/"
    page = client.get(url).text
    assert "محضر داخلي" not in page and "وثيقة داخلية" not in page
    assert client.get(f"/ar/sources/{cited['secret'].pk}/").status_code == 404
    client.force_login(ma_member)
    assert "وثيقة داخلية" in client.get(url).text  # members see it: the test can fail


def test_a_committee_only_statement_is_not_quoted_to_the_public(client, cited, ma_member):
    statement = f.StatementFactory(
        meeting=cited["meeting"], quote_ar="العزم على تنفيذ التوصيات", visibility="committee"
    )
    cite(cited["source"], statement, "العزم على تنفيذ التوصيات", field="text")
    page = client.get(f"/ar/meetings/{cited['meeting'].pk}/").text
    assert "العزم على تنفيذ التوصيات" not in page
    source_page = client.get(f"/ar/sources/{cited['source'].pk}/?record=statement-{statement.pk}")
    text = source_page.text.split("article-text")[1].split("</div>")[0]
    assert "التوصيات</a></mark>" not in text and "تصريح" not in source_page.text
    assert text.startswith(' light"')  # a record the reader may not see is not chosen
    client.force_login(ma_member)
    assert "العزم على تنفيذ التوصيات" in client.get(f"/ar/meetings/{cited['meeting'].pk}/").text


def test_a_record_page_shows_no_list_of_one_word_quotes(client, cited):
    page = client.get(f"/ar/meetings/{cited['meeting'].pk}/").text
    sources = page.split('id="sources-heading"')[1]
    assert "<q" not in sources  # no quotations cut out of their sentences
    assert "عرف حضورا مكثفا" not in sources  # a sentence that only says «the meeting» again
    # the two cited facts stand in one sentence: shown once, both marked, folded by default
    assert sources.count('<blockquote class="passage"') == 1
    assert "<mark>اليوم الجمعة</mark> ب<mark>مراكش</mark> أشغال الندوة العلمية الثانية." in sources
    assert "<details" in sources and "<details open" not in sources
    assert "وكالة الأنباء" in sources and "اختتام الندوة" in sources


def test_the_sources_say_what_they_are_in_spanish(client, cited):
    page = client.get(f"/es/meetings/{cited['meeting'].pk}/").text
    assert "Frase de origen" in page and "<q" not in page


def test_the_stored_offsets_are_kept(cited):
    for citation in Citation.objects.filter(source=cited["source"]):
        assert cited["source"].text[citation.start : citation.end] == citation.quote
        assert len(citation.quote) <= len("اليوم الجمعة")


def test_the_article_marks_only_the_words_of_the_record_the_reader_came_from(client, cited):
    other = f.MeetingFactory(title_ar="اللقاء الآخر")
    cite(cited["source"], other, "الجلسة الختامية")
    url = f"/ar/sources/{cited['source'].pk}/"
    chosen = client.get(f"{url}?record=meeting-{cited['meeting'].pk}").text
    text = chosen.split('class="article-text')[1].split("</div>")[0]
    assert "مراكش</a></mark>" in text
    assert "الجلسة الختامية</a></mark>" not in text
    assert "اللقاء</a></mark>" not in text  # mere mentions are not marked
    everything = client.get(url).text
    text = everything.split('class="article-text')[1].split("</div>")[0]
    assert text.startswith(' light"')  # lightly, as underlines
    assert "الجلسة الختامية</a></mark>" in text and "مراكش</a></mark>" in text


def test_a_statement_is_shown_as_its_whole_sentence(client, cited):
    statement = f.StatementFactory(meeting=cited["meeting"], quote_ar="العزم على تنفيذ")
    cite(cited["source"], statement, "العزم على تنفيذ", field="text")
    page = client.get(f"/ar/meetings/{cited['meeting'].pk}/").text
    statements = page.split('id="statements-heading"')[1].split("</section>")[0]
    assert (
        "وأكد المدير العام في تدخل له خلال الجلسة الختامية لهذه الندوة العزم على تنفيذ التوصيات."
        in statements
    )


def test_sentences_end_at_a_full_stop_not_at_a_pause_inside_a_title():
    text = 'نظمت حول موضوع " التطرف .. تحديات الأمن"، على مدى يومين. ثم اختتمت.'
    start = text.index("يومين")
    begin, end = sentence_bounds(text, start, start + 5)
    assert text[begin:end] == 'نظمت حول موضوع " التطرف .. تحديات الأمن"، على مدى يومين.'
    assert statement_sentence("Dijo que sí. Luego se fue.", [(6, 9)]) == "Dijo que sí."
    spaced = "نوه بالتعاون الثنائي . كما نوه بالتزام المغرب."  # a space before the full stop
    assert statement_sentence(spaced, [(4, 12)]) == "نوه بالتعاون الثنائي ."


def test_a_long_sentence_is_cut_around_its_cited_words():
    text = "كلمة " * 200 + "مراكش " + "كلمة " * 200 + "."
    start = text.index("مراكش")
    [shown] = passages(text, [(1, start, start + 5)])
    assert "<mark>مراكش</mark>" in shown.html
    assert shown.html.startswith("… ") and shown.html.endswith(" …")
    assert len(shown.html) < 500
