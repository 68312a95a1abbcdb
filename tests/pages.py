"""Comparing two renderings of a page, leaving out what differs on every response."""

from __future__ import annotations

import re

# The CSRF token and the CSP nonce change per response; the 16-hex <code> is a backup-code
# style token shown on some member pages.
VOLATILE = re.compile(
    r'name="csrfmiddlewaretoken" value="[^"]*"|<code>[0-9a-f]{16}</code>|nonce="[^"]*"'
)


def stable(html: str) -> str:
    """``html`` without the parts that differ between two responses for the same page."""
    return VOLATILE.sub("", html)
