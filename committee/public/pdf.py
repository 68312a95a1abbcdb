"""Pages as PDF documents, with WeasyPrint.

WeasyPrint lays text out with Pango and HarfBuzz, so Arabic is shaped and ordered right to left
and mixed with left-to-right references as a browser would; the fonts are the system's (Noto,
installed by ``bin/lib.sh``). The document is made from the template alone: it fetches nothing,
neither stylesheets nor images nor anything a record's text might name.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string


class NothingFetched(Exception):
    """A PDF asked for a resource: documents here are self-contained."""


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise NothingFetched(url)


def render_pdf(request: HttpRequest, template: str, context: dict[str, Any]) -> bytes:
    """``template`` rendered for ``request`` and laid out as a PDF."""
    import weasyprint  # noqa: PLC0415 - heavy (Pango, fonts): loaded when a PDF is asked for

    html = render_to_string(template, context, request=request)
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=refuse_fetch)
    pdf: bytes = document.write_pdf()
    return pdf
