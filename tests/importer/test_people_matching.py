"""People of a new article matched to those already recorded: a one-letter slip of a long name
on the same side and post is the same person; anything weaker is someone new, and a lone name
is never kept as a spelling."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.reading import Article
from committee.importer.services import import_article
from committee.importer.translation_memory import TranslationMemory
from committee.people.models import Person, PersonAlias

pytestmark = pytest.mark.django_db

LEAD = "احتضنت مدريد اليوم الجمعة أشغال الاجتماع الثاني للجنة الأمنية الاستراتيجية. "


def imported(sentence: str, day: int = 10) -> None:
    article = Article(text=LEAD + sentence, encoding="utf-8")
    import_article(article=article, published=dt.date(2016, 6, day), memory=TranslationMemory())


def named(spelling: str) -> list[Person]:
    return list(Person.objects.matching_name(spelling))


def test_a_slip_of_a_name_on_the_other_side_is_someone_else():
    imported("وحضر المفوض العام للاستعلامات أوخينيو فيلالبا الجلسة الختامية.")
    imported("وقال ضابط الاتصال المغربي بمدريد، السيد أوخينيو فيلالب، إن …")
    assert Person.objects.count() == 2
    assert named("أوخينيو فيلالب")[0].side == "MA"


def test_a_slip_in_a_short_word_is_someone_else():
    imported("وحضر المفوض العام للاستعلامات خوان رويث الجلسة الختامية.")
    imported("وحضر المفوض العام للاستعلامات خوان رويس الجلسة الختامية.")
    assert Person.objects.count() == 2


def test_the_same_post_and_first_name_alone_do_not_make_the_same_person():
    imported("وحضر المدير العام للشرطة الإسبانية السيد خافيير ألونسو الجلسة.")
    imported("وحضر المدير العام للشرطة الإسبانية السيد خافيير مورينو الجلسة.")
    assert Person.objects.count() == 2


def test_a_lone_given_name_is_never_kept_as_an_alias_nor_matched_later():
    imported(
        "وترأست الجلسة السيدة بياتريث ألكانتارا، المفوضة الرئيسية بالمديرية العامة للشرطة "
        "الإسبانية. ونوهت السيدة بياتريث بالتنسيق القائم."
    )
    assert not PersonAlias.objects.filter(normalized="بياتريث").exists()
    imported("وقالت السيدة بياتريث إن اللقاء كان مثمرا.")
    assert named("بياتريث") == []
    # Nor is it recorded as someone else: a given name alone, with no office, is suggested.
    assert Person.objects.count() == 1


def test_a_one_letter_slip_of_a_long_name_on_the_same_side_and_post_is_the_same_person():
    imported("وحضر المفوض العام للاستعلامات أوخينيو فيلالبا الجلسة الختامية.")
    imported("وحضر المفوض العام للاستعلامات أوخينيو فيلالب الجلسة الختامية.")
    (person,) = Person.objects.all()
    assert set(person.aliases.values_list("name", flat=True)) == {
        "أوخينيو فيلالبا",
        "أوخينيو فيلالب",
    }


def test_the_dispatches_of_the_genre_record_each_person_once_with_their_side():
    from tests.importer.conftest import article_file

    for name, published in [
        ("017_director_general_receives_spanish_police_chief.txt", dt.date(2022, 3, 17)),
        ("018_interior_minister_and_counterpart.txt", dt.date(2023, 6, 5)),
        ("019_moroccan_delegation_of_six_in_madrid.txt", dt.date(2022, 11, 21)),
        ("020_follow_up_meeting_misspelled_chair.txt", dt.date(2024, 2, 8)),
    ]:
        import_article(article=article_file(name), published=published, memory=TranslationMemory())
    assert Person.objects.count() == 19
    assert not Person.objects.filter(side="").exists()
    (chair,) = named("بياتريث ألكانتار")
    assert named("بياتريث ألكانتارا") == [chair]
    assert not [a.name for a in PersonAlias.objects.all() if len(a.name.split()) == 1]
