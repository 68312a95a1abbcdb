from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from committee.bilateral import Visibility
from committee.sources.highlighting import Span, highlight
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committee_source_answers_404_to_the_public(client):
    source = f.SourceDocumentFactory(visibility=Visibility.COMMITTEE)
    assert client.get(f"/ar/sources/{source.pk}/").status_code == 404


def test_every_cited_span_is_marked_and_linked_to_its_record(client, world):
    response = client.get(f"/ar/sources/{world['source'].pk}/")
    page = response.text
    citation = world["recommendation"]
    assert '<mark id="c' in page
    assert f'href="{citation.get_absolute_url()}">بعقد اجتماعات سنوية</a></mark>' in page


def test_a_citation_of_a_record_the_reader_may_not_see_is_not_marked(client, world):
    hidden = f.RecommendationFactory(reference="HIDDEN-1", visibility=Visibility.MA)
    f.CitationFactory(source=world["source"], record=hidden, start=20, end=30)
    page = client.get(f"/ar/sources/{world['source'].pk}/").text
    assert "HIDDEN-1" not in page


def test_the_article_text_is_escaped():
    html = highlight("<b>a</b> & b", [Span(1, 9, 12, "/x/", "<i>")])
    assert "<b>" not in html
    assert "&lt;b&gt;a&lt;/b&gt;" in html
    assert 'title="&lt;i&gt;"' in html


def test_overlapping_citations_each_get_an_anchor_and_the_narrowest_link():
    html = highlight(
        "abcdefghij", [Span(1, 0, 10, "/wide/", "wide"), Span(2, 2, 4, "/narrow/", "narrow")]
    )
    assert 'id="c1"' in html
    assert 'id="c2"' in html
    assert '<a href="/narrow/">cd</a>' in html
    assert html.count("<mark") == 3


def test_a_span_outside_the_text_is_ignored():
    assert "<mark" not in highlight("abc", [Span(1, 2, 99, "/x/", "x")])


def test_white_space_between_two_spans_is_marked_but_not_an_empty_link():
    # «a b» is cited, and so are «a» and «b»: the space between them is a piece of its own.
    spans = [Span(1, 0, 3, "/ab/", "ab"), Span(2, 0, 1, "/a/", "a"), Span(3, 2, 3, "/b/", "b")]
    html = highlight("a b", spans)
    assert '<mark title="ab"> </mark>' in html
    assert '<a href="/a/">a</a>' in html and '<a href="/b/">b</a>' in html


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "ftp://f.example/a"]
)
def test_a_stored_address_that_is_not_http_is_not_linked(client, url):
    source = f.SourceDocumentFactory(url=url)  # stored before addresses were checked
    page = client.get(f"/ar/sources/{source.pk}/").text
    assert 'class="external"' not in page
    assert 'href="javascript' not in page.replace(" ", "").lower()


def test_a_stored_http_address_is_linked(client):
    source = f.SourceDocumentFactory(url="https://www.example.ma/article?id=7&x=1")
    page = client.get(f"/ar/sources/{source.pk}/").text
    assert 'href="https://www.example.ma/article?id=7&amp;x=1"' in page


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org/a.txt"])
def test_the_model_refuses_an_address_that_is_not_http(url):
    source = f.SourceDocumentFactory.build(url=url, text="نص المقال")
    with pytest.raises(ValidationError) as refused:
        source.full_clean(exclude=["sha256"])
    assert "http:// or https://" in " ".join(refused.value.message_dict["url"])
