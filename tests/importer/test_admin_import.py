"""The secretariat's upload page: preview first, save only what was previewed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from committee.meetings.models import Meeting
from committee.sources.models import SourceDocument
from tests.factories import row_counts
from tests.importer.conftest import ARTICLES, SEED

pytestmark = pytest.mark.django_db
URL = reverse("admin:sources_sourcedocument_import")


def upload(client, content: bytes, name="article.txt", **extra):
    data = {
        "file": SimpleUploadedFile(name, content, content_type="text/plain"),
        "published": "2014-03-07",
        "url": "",
        "visibility": "public",
        **extra,
    }
    return client.post(URL, data)


def test_members_cannot_reach_the_upload_page(client, ma_member):
    client.force_login(ma_member)
    assert client.get(URL).status_code == 302


def test_the_preview_shows_the_extraction_and_saves_nothing(client, ma_secretariat):
    client.force_login(ma_secretariat)
    before = row_counts()
    response = upload(client, SEED.read_bytes())
    assert response.status_code == 200
    assert "<mark" in response.text
    assert "SEM2-2014-R01" in response.text
    assert row_counts() == before


def test_a_spanish_article_is_previewed_left_to_right_and_saved(client, ma_secretariat):
    client.force_login(ma_secretariat)
    spanish = (ARTICLES / "030_spanish_second_seminar_marrakech.txt").read_bytes()
    preview = upload(client, spanish)
    assert preview.status_code == 200
    assert 'class="source-text" lang="es" dir="ltr"' in preview.text
    assert "<mark" in preview.text
    confirm = preview.context["confirm"]
    data = {name: confirm[name].value() for name in confirm.fields}
    saved = client.post(URL, {**{k: "" if v is None else v for k, v in data.items()}, "save": "1"})
    assert saved.status_code == 302
    assert SourceDocument.objects.get().language == "es"
    assert Meeting.objects.filter(kind="seminar", ordinal=2).exists()


def test_saving_the_preview_creates_the_records_and_shows_the_article(client, ma_secretariat):
    client.force_login(ma_secretariat)
    preview = upload(client, SEED.read_bytes())
    confirm = preview.context["confirm"]
    data = {name: confirm[name].value() for name in confirm.fields}
    saved = client.post(URL, {**{k: "" if v is None else v for k, v in data.items()}, "save": "1"})
    source = SourceDocument.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("admin:sources_sourcedocument_change", args=[source.pk])
    assert Meeting.objects.filter(kind="seminar", ordinal=2).exists()
    page = client.get(saved["Location"])
    assert page.text.count("<mark") > 20


def test_the_line_breaks_a_browser_sends_as_crlf_are_the_previewed_article(client, ma_secretariat):
    client.force_login(ma_secretariat)
    article = ARTICLES / "001_announcement_third_seminar.txt"
    confirm = upload(client, article.read_bytes()).context["confirm"]
    data = {name: confirm[name].value() or "" for name in confirm.fields}
    assert "\n" in data["text"] and "\r" not in data["text"]
    data["text"] = data["text"].replace("\n", "\r\n")
    saved = client.post(URL, {**data, "save": "1"})
    assert saved.status_code == 302
    assert "\r" not in SourceDocument.objects.get().text


def test_an_altered_article_is_refused_at_save(client, ma_secretariat):
    client.force_login(ma_secretariat)
    confirm = upload(client, SEED.read_bytes()).context["confirm"]
    data = {name: confirm[name].value() or "" for name in confirm.fields}
    data["text"] = data["text"].replace("مراكش", "طنجة")
    before = row_counts()
    response = client.post(URL, {**data, "save": "1"})
    assert response.status_code == 200
    assert "changed since the preview" in response.text
    assert row_counts() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary", "NUL"),
        ("نشرة الطقس: أجواء حارة غدا بمعظم المناطق.".encode(), "nothing the committee tracks"),
    ],
)
def test_bad_uploads_are_refused_with_the_reason(client, ma_secretariat, content, message):
    client.force_login(ma_secretariat)
    before = row_counts()
    response = upload(client, content)
    assert response.status_code == 200
    assert message in response.text
    assert row_counts() == before


def test_file_and_text_together_are_refused(client, ma_secretariat):
    client.force_login(ma_secretariat)
    response = upload(client, SEED.read_bytes(), text="نص")
    assert "one of the two, not both" in response.text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org/a.txt"])
def test_the_upload_form_refuses_an_address_that_is_not_http(client, ma_secretariat, url):
    client.force_login(ma_secretariat)
    before = row_counts()
    response = upload(client, SEED.read_bytes(), url=url)
    assert response.status_code == 200
    assert "confirm" not in response.context
    assert "http:// or https://" in " ".join(response.context["form"].errors["url"])
    assert row_counts() == before


def test_an_address_altered_after_the_preview_is_refused(client, ma_secretariat):
    client.force_login(ma_secretariat)
    preview = upload(client, SEED.read_bytes(), url="https://www.example.ma/a")
    confirm = preview.context["confirm"]
    data = {name: confirm[name].value() or "" for name in confirm.fields}
    before = row_counts()
    response = client.post(URL, {**data, "url": "ftp://files.example.org/a.txt", "save": "1"})
    assert response.status_code == 200
    assert row_counts() == before
