"""Machine translation services behind one interface.

``backend()`` gives the configured service: ``LibreTranslate`` when
``TRANSLATION_SERVICE_URL`` is set, else ``None`` (no service: nothing is drafted). Another
service is one more class with ``name`` and ``translate(text, source, target)``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Protocol

from django.conf import settings


class TranslationError(Exception):
    """The service did not give a usable translation (unreachable, an error, a bad answer)."""


class Backend(Protocol):
    name: str

    def translate(self, text: str, source: str, target: str) -> str:
        """``text`` in ``target``; raises ``TranslationError``."""
        ...


class LibreTranslate:
    """The LibreTranslate HTTP API: ``POST /translate`` answering ``{"translatedText": …}``."""

    def __init__(self, url: str, key: str = "", timeout: float = 30.0) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise TranslationError(f"TRANSLATION_SERVICE_URL is not an http(s) address: {url!r}")
        self.endpoint = url.rstrip("/") + "/translate"
        self.key = key
        self.timeout = timeout
        self.name = f"LibreTranslate {parts.scheme}://{parts.netloc}"

    def translate(self, text: str, source: str, target: str) -> str:
        fields = {"q": text, "source": source, "target": target, "format": "text"}
        if self.key:
            fields["api_key"] = self.key
        request = urllib.request.Request(  # noqa: S310 — the scheme is checked above
            self.endpoint,
            data=json.dumps(fields).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as error:
            raise TranslationError(
                f"{self.name} answered HTTP {error.code}: {_error_of(error.read())}"
            ) from error
        except TimeoutError as error:
            raise TranslationError(f"{self.name} did not answer within {self.timeout}s") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                raise TranslationError(
                    f"{self.name} did not answer within {self.timeout}s"
                ) from error
            raise TranslationError(f"{self.name} could not be reached: {reason}") from error
        return _translated_text(body, self.name)


def _error_of(body: bytes) -> str:
    try:
        answer = json.loads(body)
    except ValueError:
        return body[:200].decode(errors="replace") or "no explanation"
    if isinstance(answer, dict) and answer.get("error"):
        return str(answer["error"])[:200]
    return "no explanation"


def _translated_text(body: bytes, name: str) -> str:
    try:
        answer = json.loads(body)
    except ValueError as error:
        raise TranslationError(f"{name} answered something that is not JSON") from error
    text = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise TranslationError(f"{name} answered without a translated text")
    return text


def backend() -> Backend | None:
    """The configured service, or ``None`` when ``TRANSLATION_SERVICE_URL`` is not set."""
    url = getattr(settings, "TRANSLATION_SERVICE_URL", "")
    if not url:
        return None
    return LibreTranslate(
        url,
        getattr(settings, "TRANSLATION_SERVICE_KEY", ""),
        float(getattr(settings, "TRANSLATION_SERVICE_TIMEOUT", 30)),
    )
