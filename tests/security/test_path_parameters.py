"""Path parameters with NUL or control characters answer 404: PostgreSQL refuses NUL in text,
so a view that queried with one answered 500. The URL converter refuses them first."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import StringConverter
from django.utils import translation

pytestmark = pytest.mark.django_db

#: every URL whose path parameter is free text, with that parameter hostile
URLS = [
    "/es/recommendations/{}/",
    "/es/me/recommendations/{}/",
    "/es/me/recommendations/{}/progress/",
    "/es/me/recommendations/{}/status/",
    "/es/me/publication/{}/1/",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("value", ["%00", "SEM2-2014-R01%00"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_nul_byte_in_a_path_parameter_answers_404(world, ma_member, url, value, method):
    client = Client(raise_request_exception=False)
    client.force_login(ma_member)
    response = getattr(client, method)(url.format(value))
    assert response.status_code == 404


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("character", ["\x00", "\x01", "\n", "\x1b", "\x7f", "\x85"])
def test_no_view_is_reached_with_a_control_character(url, character):
    with translation.override("es"):
        assert resolve(url.format("SEM2-2014-R01"))  # the same URL without it resolves
        with pytest.raises(Resolver404):
            resolve(url.format(f"SEM2-2014-R01{character}"))


def test_an_ordinary_reference_still_resolves(client, world, ma_member):
    assert client.get("/es/recommendations/SEM2-2014-R01/").status_code == 200
    client.force_login(ma_member)
    assert client.get("/es/me/recommendations/SEM2-2014-R01/").status_code == 200


def patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found += patterns(entry, prefix + str(entry.pattern))
        else:
            found.append((prefix + str(entry.pattern), entry))
    return found


def test_no_url_of_the_project_takes_free_text_with_the_plain_str_converter():
    plain = [
        route
        for route, entry in patterns(get_resolver())
        if entry.lookup_str.startswith("committee.")
        and any(
            type(converter) is StringConverter
            for converter in getattr(entry.pattern, "converters", {}).values()
        )
    ]
    assert plain == []
