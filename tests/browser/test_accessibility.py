"""An accessibility audit with axe-core on the main public and member pages (issue 9).

axe-core comes from npm (package.json, installed by bin/lib.sh into node_modules/) and is
injected into each page; the audit's context bypasses the Content Security Policy for that
injection only. No violation of serious or critical impact may remain.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from committee.bilateral import Side
from committee.recommendations.models import Recommendation
from tests.browser.conftest import TIMEOUT_MS, log_in
from tests.browser.seed import REFERENCE, pages
from tests.factories import seated
from tests.processes import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("ar", "es")
SERIOUS = {"serious", "critical"}


def audit(page: Page, url: str) -> list[str]:
    page.goto(url)
    page.add_script_tag(path=AXE)
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{url}: {violation['id']} ({violation['impact']}) {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:4])
        for violation in result["violations"]
        if violation["impact"] in SERIOUS
    ]


def test_no_serious_or_critical_accessibility_violation(seeded, browser: Browser):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: bin/lib.sh ensure_node_modules installs it (npm ci)")
    base = seeded.url
    body = Recommendation.objects.get(reference=REFERENCE).body
    seated("ma_audit", Side.MA, body)
    context = browser.new_context(bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    try:
        page = context.new_page()
        public = pages()
        for language in LANGUAGES:
            for _name, path in public:
                problems += audit(page, f"{base}/{language}{path}")
        log_in(page, base, "ma_audit")
        for language in LANGUAGES:
            for path in [
                "/me/",
                f"/me/recommendations/{REFERENCE}/",
                f"/me/recommendations/{REFERENCE}/progress/",
                f"/me/recommendations/{REFERENCE}/status/",
            ]:
                problems += audit(page, f"{base}/{language}{path}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
