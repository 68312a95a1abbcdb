"""How well and how fast the article extractor works, on the annotated test articles.

    .venv/bin/python benchmarks/extraction.py [--repeat N]

Compares ``extract`` with the gold annotations of ``tests/importer/articles`` (see
``tests/importer/extraction/gold.py`` for how facts are paired) and prints precision and recall
per category (over every article, then per language), per article, and the throughput in
articles and characters per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from committee.importer.extraction import Extraction, extract
from committee.importer.extraction.confidence import SUGGEST_BELOW
from committee.importer.review import facts
from tests.importer.extraction.gold import GoldArticle, Scores, load_articles, score, summed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=20, help="passes over all articles for timing"
    )
    parser.add_argument("--misses", action="store_true", help="list what each article got wrong")
    parser.add_argument(
        "--confidence",
        action="store_true",
        help="how confidence sorts right and wrong facts: recorded or suggested for review",
    )
    arguments = parser.parse_args()
    articles = load_articles()
    per_article: list[tuple[str, Scores]] = []
    per_language: dict[str, list[Scores]] = {}
    sorted_by_confidence: dict[tuple[str, str, str], int] = {}
    for article in articles:
        extraction = extract(article.text, published=article.published)
        per_article.append((article.name, score(extraction, article.gold)))
        _sort_by_confidence(extraction, per_article[-1][1], sorted_by_confidence)
        per_language.setdefault(extraction.language, []).append(per_article[-1][1])
    _print_categories(summed(scores for _, scores in per_article))
    for language, scores in sorted(per_language.items()):
        print(f"\n{language}: {len(scores)} articles")
        _print_categories(summed(scores))
    _print_articles(per_article)
    if arguments.misses:
        _print_misses(per_article)
    if arguments.confidence:
        _print_confidence(sorted_by_confidence)
    _print_throughput(articles, arguments.repeat)


def _sort_by_confidence(
    extraction: Extraction, scores: Scores, counts: dict[tuple[str, str, str], int]
) -> None:
    for kind, fact in facts(extraction):
        if kind == "presentations":  # counted, not paired: no right or wrong fact to tell
            continue
        right = "right" if fact.key in scores.matched else "wrong"
        where = "suggested" if fact.confidence < SUGGEST_BELOW else "recorded"
        counts[kind, right, where] = counts.get((kind, right, where), 0) + 1


def _print_confidence(counts: dict[tuple[str, str, str], int]) -> None:
    print(f"\nconfidence < {SUGGEST_BELOW}: suggested for review, not recorded")
    print(
        f"{'facts':<18} {'right rec.':>10} {'right sugg.':>11} "
        f"{'wrong rec.':>10} {'wrong sugg.':>11}"
    )
    for kind in sorted({kind for kind, _, _ in counts}):
        row = [
            counts.get((kind, right, where), 0)
            for right in ("right", "wrong")
            for where in ("recorded", "suggested")
        ]
        print(f"{kind:<18} {row[0]:>10} {row[1]:>11} {row[2]:>10} {row[3]:>11}")


def _print_categories(total: Scores) -> None:
    print(f"{'category':<24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for category, result in total.by_category.items():
        print(
            f"{category:<24} {result.tp:>4} {result.fp:>4} {result.fn:>4} "
            f"{result.precision:>10.2f} {result.recall:>8.2f}"
        )
    every = Scores()
    for result in total.by_category.values():
        every["all"].add(result)
    overall = every["all"]
    print(
        f"{'ALL':<24} {overall.tp:>4} {overall.fp:>4} {overall.fn:>4} "
        f"{overall.precision:>10.2f} {overall.recall:>8.2f}"
    )


def _print_articles(per_article: list[tuple[str, Scores]]) -> None:
    print()
    print(f"{'article':<40} {'precision':>10} {'recall':>8}")
    for name, scores in per_article:
        every = Scores()
        for result in scores.by_category.values():
            every["all"].add(result)
        print(f"{name:<40} {every['all'].precision:>10.2f} {every['all'].recall:>8.2f}")


def _print_misses(per_article: list[tuple[str, Scores]]) -> None:
    print()
    for name, scores in per_article:
        for category, result in scores.by_category.items():
            for miss in result.misses:
                print(f"{name}: {category}: {miss}")


def _print_throughput(articles: list[GoldArticle], repeat: int) -> None:
    characters = sum(len(article.text) for article in articles)
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            extract(article.text, published=article.published)
    elapsed = time.perf_counter() - started
    count = repeat * len(articles)
    print()
    print(
        f"throughput: {count / elapsed:.1f} articles/s, "
        f"{repeat * characters / elapsed:,.0f} chars/s ({count} extractions of {len(articles)} "
        f"articles, {characters:,} chars per pass, {elapsed:.2f} s)"
    )
    big = (articles[0].text + "\n") * max(1, 2_000_000 // (len(articles[0].text) + 1))
    started = time.perf_counter()
    extract(big, published=articles[0].published)
    elapsed = time.perf_counter() - started
    print(f"one {len(big):,}-char text: {elapsed:.2f} s ({len(big) / elapsed:,.0f} chars/s)")


if __name__ == "__main__":
    main()
