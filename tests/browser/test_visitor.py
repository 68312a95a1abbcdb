"""Journeys 1, 2 and 5 of issue 9: a visitor reading in Arabic, changing language, and finding
nothing of what is restricted."""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from committee.bilateral import Visibility
from committee.recommendations.models import Recommendation
from tests import factories as f

HIGHLIGHTED = "rgb(255, 210, 77)"  # .article-text mark:target in site.css


def direction(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).direction")


def test_an_arabic_visitor_reads_follows_searches_filters_and_downloads(seeded, page):
    base = seeded.url
    # One public recommendation under way beside the seed's adopted ones, for the filter to drop.
    f.RecommendationFactory(reference="EXTRA-R1", status="in_progress", visibility="public")
    page.goto(f"{base}/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    # RTL through computed styles: the direction, and the layout mirrored — the site's name on
    # the right of the header bar, the first menu entry right of the last one, text aligned right.
    assert direction(page) == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).textAlign") in {
        "right",
        "start",
    }
    width = page.viewport_size["width"]
    name = page.locator(".site-name").bounding_box()
    assert name["x"] > width / 2
    entries = page.locator(".main-nav li")
    first, last = entries.first.bounding_box(), entries.nth(entries.count() - 2).bounding_box()
    assert first["x"] > last["x"]

    # The charts are readable: an SVG with an accessible name and bars, and the data as a table.
    chart = page.locator("figure.chart").first
    expect(chart.locator("svg[role=img]")).to_be_visible()
    assert chart.locator("rect.bar").count() >= 1
    status_rows = chart.locator("table.chart-data tbody tr")
    expect(status_rows.first).to_contain_text("معتمدة")
    box = chart.locator("svg").bounding_box()
    assert box["width"] > 200 and box["height"] > 20
    # Bar labels sit inside the chart (not cut off at either edge).
    for label in chart.locator("text.label").all():
        inner = label.bounding_box()
        assert (
            box["x"] - 1 <= inner["x"]
            and inner["x"] + inner["width"] <= box["x"] + box["width"] + 1
        )

    # A meeting, then a recommendation it adopted.
    page.get_by_role("navigation", name="الرئيسية").get_by_role("link", name="الاجتماعات").click()
    page.locator("main a[href*='/meetings/']").filter(has_text="الثانية").first.click()
    expect(page).to_have_url(re.compile(r"/ar/meetings/\d+/$"))
    expect(page.locator("main h1")).to_contain_text("الثانية")
    page.locator("main a[href*='/recommendations/SEM2-2014-R01/']").first.click()
    expect(page.locator("main .record-ref")).to_have_text("SEM2-2014-R01")

    # Its source, the cited span marked, targeted and scrolled into view.
    page.locator(".cited-sources .cited-article a").first.click()
    expect(page).to_have_url(re.compile(r"/ar/sources/\d+/\?record=recommendation-\d+#c\d+$"))
    target = page.locator(".article-text mark:target")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == HIGHLIGHTED
    assert page.locator(".article-text").evaluate("el => getComputedStyle(el).direction") == "rtl"

    # Search «الإسبانية».
    page.locator("#nav-q").fill("الإسبانية")
    page.locator(".nav-search button").click()
    expect(page).to_have_url(re.compile(r"/ar/search/\?q="))
    results = page.locator("main h2 a")
    expect(results.first).to_be_visible()
    assert results.count() >= 1
    expect(page.locator("main")).to_contain_text("الإسبانية")

    # The recommendations filtered by status, then downloaded as they are filtered.
    page.goto(f"{base}/ar/recommendations/")
    total = page.locator("main table tbody tr").count()
    assert total == Recommendation.objects.count()
    page.locator("select[name=status]").select_option("adopted")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"status=adopted"))
    rows = page.locator("main table tbody tr")
    assert rows.count() == Recommendation.objects.filter(status="adopted").count() > 0
    expect(page.locator("main table")).not_to_contain_text("EXTRA-R1")
    with page.expect_download() as download_info:
        page.locator(".downloads a").filter(has_text="CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    content = download.path().read_text(encoding="utf-8-sig")
    table = list(csv.DictReader(io.StringIO(content)))
    references = {row["reference"] for row in table}
    assert references == set(
        Recommendation.objects.filter(status="adopted").values_list("reference", flat=True)
    )
    assert "SEM2-2014-R01" in references
    assert "EXTRA-R1" not in references


def test_the_language_switcher_keeps_the_visitor_on_the_same_page(seeded, page):
    page.goto(f"{seeded.url}/ar/recommendations/SEM2-2014-R01/")
    assert direction(page) == "rtl"
    page.locator(".languages a[hreflang=es]").click()
    expect(page).to_have_url(f"{seeded.url}/es/recommendations/SEM2-2014-R01/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert direction(page) == "ltr"
    expect(page.locator("main .record-ref")).to_have_text("SEM2-2014-R01")
    expect(page.locator(".main-nav")).to_contain_text("Recomendaciones")
    # Mirrored back: the site's name on the left.
    assert page.locator(".site-name").bounding_box()["x"] < page.viewport_size["width"] / 2
    page.locator(".languages a[hreflang=fr]").click()
    expect(page).to_have_url(f"{seeded.url}/fr/recommendations/SEM2-2014-R01/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".main-nav")).to_contain_text("Recommandations")
    expect(page.locator("main .record-ref")).to_have_text("SEM2-2014-R01")


SECRET = "qzsecretbrowsercanary"


@pytest.fixture
def restricted(seeded):
    return f.RecommendationFactory(
        reference="MA-ONLY-R9",
        text_ar=f"توصية {SECRET} zqfindme",
        text_es=f"Recomendación {SECRET} zqfindme",
        visibility=Visibility.MA,
    )


def test_a_visitor_meets_the_login_page_and_a_404_and_nothing_leaks(seeded, restricted, page):
    base = seeded.url
    response = page.goto(f"{base}/ar/me/")
    expect(page).to_have_url(re.compile(r"/ar/accounts/login/\?next=/ar/me/"))
    assert response.status == 200
    expect(page.locator("input[name=login]")).to_be_visible()
    seen: list[str] = []
    for url in [
        f"{base}/ar/me/recommendations/MA-ONLY-R9/",
        f"{base}/ar/me/recommendations/SEM2-2014-R01/progress/",
    ]:
        page.goto(url)
        expect(page.locator("input[name=login]")).to_be_visible()
        seen.append(page.content())
    for url in [
        f"{base}/ar/recommendations/MA-ONLY-R9/",
        f"{base}/es/recommendations/MA-ONLY-R9/",
    ]:
        response = page.goto(url)
        assert response.status == 404
        seen.append(page.content())
    listed: dict[str, str] = {}
    for url in [
        f"{base}/ar/search/?q=zqfindme",
        f"{base}/ar/search/?q=MA-ONLY",
        f"{base}/ar/recommendations/",
        f"{base}/es/recommendations/?q=zqfindme",
        f"{base}/ar/",
    ]:
        response = page.goto(url)
        assert response.status == 200
        listed[url] = page.content()
    csv_text = page.request.get(f"{base}/ar/recommendations/download.csv").text()
    listed["csv"] = csv_text
    assert "SEM2-2014-R01" in csv_text
    for text in [*seen, *listed.values()]:
        assert SECRET not in text
    # The restricted reference appears only where the visitor typed it (the addresses of the
    # 404s above), never in what the site lists, searches or exports.
    assert [url for url, text in listed.items() if "MA-ONLY-R9" in text] == []
