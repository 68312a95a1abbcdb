from __future__ import annotations

import pytest

from committee.bilateral import Visibility
from tests import factories as f
from tests.pages import stable

pytestmark = pytest.mark.django_db


def test_restricted_recommendations_are_left_out_of_the_charts(client, world):
    before = stable(client.get("/en/").text)
    f.RecommendationFactory(body=world["committee"], status="on_hold", visibility=Visibility.MA)
    assert stable(client.get("/en/").text) == before


def test_the_charts_are_svg_with_a_data_table_and_no_inline_style(client, world):
    page = client.get("/ar/").text
    assert page.count("<svg") == 4
    assert page.count('class="chart-data"') == 4
    assert "style=" not in page
    assert "<script" not in page


def test_the_home_page_shows_next_and_last_meetings_and_latest_progress(client, world):
    page = client.get("/ar/").text
    assert "الندوة الثالثة" in page
    assert "الندوة العلمية المغربية الاسبانية الثانية" in page
    assert "عقدت اللجنة اجتماعها السنوي" in page


def test_bars_grow_from_the_right_on_arabic_pages(client, world):
    arabic = client.get("/ar/").text
    spanish = client.get("/es/").text
    assert 'class="label" x="392.0"' in arabic
    assert 'class="label" x="8.0"' in spanish


def test_the_home_page_runs_in_the_same_number_of_queries_for_few_and_many(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15) as few:
        client.get("/es/")
    for year in range(2015, 2025):
        meeting = f.MeetingFactory(start_date=f"{year}-05-01", end_date=None, end_precision="")
        f.AdoptionFactory(recommendation=f.RecommendationFactory(), meeting=meeting)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/es/")
