"""The admin speaks the reader's language: the site's name in the header, and none of the
project's own English labels (fields, fieldsets, filters, actions, help texts) left in the
Arabic or Spanish pages of any registered model."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.text import Truncator

from tests import factories as f
from tests.test_admin import AsUser, admin_urls_of, registered

pytestmark = pytest.mark.django_db

#: Tags whose text is a label of the page, not a record's data.
LABEL_TAGS = {"title", "h1", "h2", "h3", "label", "legend", "option", "caption"}
LABEL_CLASSES = {"help", "helptext", "timezonewarning", "column-header"}


class Labels(HTMLParser):
    """The texts of a page that are labels: headings, field labels, the action menu, help
    texts, column headers and the filters' headings."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "input", "img", "meta", "link", "hr"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        scope = dict(attrs).get("scope")
        inside = bool(self.stack and self.stack[-1])
        self.stack.append(
            inside
            or tag in LABEL_TAGS
            or bool(classes & LABEL_CLASSES)
            or (tag == "th" and scope == "col")
            or dict(attrs).get("id") == "site-name"
        )

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] and data.strip():
            self.texts.append(data.strip())


def labels_of(html: str) -> list[str]:
    parser = Labels()
    parser.feed(html)
    return parser.texts


WORD = re.compile(r"[A-Za-z]{4,}")


def project_label_words(request) -> set[str]:
    """Every word of the project's own English labels on its admin pages, except the words
    the Arabic and Spanish labels share with English (a name, "agenda")."""
    english: set[str] = set()
    elsewhere: set[str] = set()
    for language, bucket in [("en", english), ("ar", elsewhere), ("es", elsewhere)]:
        with translation.override(language):
            for model, model_admin in registered():
                texts = [model._meta.verbose_name, model._meta.verbose_name_plural]
                texts.append(model._meta.app_config.verbose_name)  # the sidebar's headings
                for field in model._meta.get_fields():
                    texts += [getattr(field, "verbose_name", ""), getattr(field, "help_text", "")]
                    texts += [label for _v, label in getattr(field, "flatchoices", [])]
                if bucket is english:  # headings built at import time would be English in all
                    texts += [title or "" for title, _o in model_admin.get_fieldsets(request)]
                texts += [action.description for action in model_admin._get_base_actions()]
                bucket.update(word.lower() for text in texts for word in WORD.findall(str(text)))
    return english - elsewhere


@pytest.fixture
def records(ma_secretariat):
    meeting = f.MeetingFactory()
    recommendation = f.RecommendationFactory()
    update = f.ProgressUpdateFactory(recommendation=recommendation, author=ma_secretariat)
    f.every_other_admin_record(meeting, recommendation, update, by=ma_secretariat)
    from committee.meetings.services import draft_minutes

    draft_minutes(meeting=meeting, language="ar", text="محضر الجلسة", by=ma_secretariat)
    return meeting


def test_the_label_words_include_the_fieldset_headings(superuser):
    request = RequestFactory().get("/")
    request.user = superuser
    words = project_label_words(request)
    assert {"title", "text", "city"} <= words  # translated fieldset headings, field labels


@pytest.mark.parametrize("language", ["ar", "es"])
def test_no_english_label_is_left_in_the_arabic_or_spanish_admin(
    client, superuser, records, language
):
    request = RequestFactory().get("/")
    request.user = superuser
    english = project_label_words(request)
    client.force_login(superuser)
    found: dict[str, set[str]] = {}
    for model, model_admin in registered():
        obj = model_admin.get_queryset(AsUser(superuser)).first()
        urls = admin_urls_of(model, obj)
        pages = ["changelist", "change"]
        if model_admin.has_add_permission(AsUser(superuser)):
            pages.append("add")
        for page in pages:
            response = client.get(urls[page].replace("/en/", f"/{language}/", 1))
            assert response.status_code == 200, (model.__name__, page)
            data = str(obj) if page == "change" else "\0"  # the record's name is its data
            for text in labels_of(response.text):
                if data in text:
                    continue
                words = {w.lower() for w in WORD.findall(text)} & english
                if words:
                    found.setdefault(f"{model.__name__} {page}: {text}", words)
    assert found == {}, "\n".join(sorted(found))


@pytest.mark.parametrize(
    ("language", "site", "secretariat"),
    [
        ("ar", "لجنة التعاون الأمني", "كتابة اللجنة"),
        ("es", "Comité de cooperación en materia de seguridad", "Secretaría del Comité"),
        ("fr", "Comité de coopération en matière de sécurité", "Secrétariat du Comité"),
        ("en", "Security cooperation committee", "Committee secretariat"),
    ],
)
def test_the_admin_header_and_title_name_the_site_in_each_language(
    client, superuser, language, site, secretariat
):
    client.force_login(superuser)
    response = client.get(f"/{language}/admin/")
    assert "Django" not in response.text
    assert "جانغو" not in response.text
    header = labels_of(response.text)
    assert site in header  # the header names the site
    title = response.text.split("<title>", 1)[1].split("</title>", 1)[0]
    assert secretariat in title


def test_date_only_fields_carry_no_time_zone_note(client, superuser, records):
    """Django's script adds its note beside a date input unless one is already there."""
    client.force_login(superuser)
    response = client.get(f"/es/admin/meetings/meeting/{records.pk}/change/")
    dates = re.findall(r'<input[^>]*class="vDateField[^>]*>(.{0,80})', response.text, re.S)
    assert dates
    assert all('<span class="timezonewarning" hidden></span>' in after for after in dates)


def test_long_titles_are_cut_on_a_word_boundary_with_an_ellipsis():
    from committee.languages import short

    title = "Reforzar la cooperación en materia de lucha contra la inmigración irregular"
    cut = short(title, 40)
    assert cut.endswith("…")
    assert title.startswith(cut[:-1].rstrip())
    assert title[len(cut[:-1].rstrip())] == " "  # the cut falls between two words
    assert short("Corta", 40) == "Corta"
    assert Truncator(title).chars(40) != cut or cut.endswith("…")


def test_every_registered_model_is_walked():
    assert len(registered()) >= 20
