"""What every HTML response must carry (docs/security.md item 2), checked on any response."""

from __future__ import annotations

import re

SCRIPT = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
DATA_BLOCK = re.compile(r'\stype="application/(ld\+)?json"', re.IGNORECASE)
NONCE = re.compile(r"'nonce-([^']+)'")


def html_problems(response, *, logged_in: bool) -> list[str]:
    """Why ``response`` breaks the promise for HTML responses, or nothing."""
    if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
        return []
    problems = []
    policy = response.get("Content-Security-Policy", "")
    if "default-src" not in policy:
        problems.append("no Content-Security-Policy")
    match = NONCE.search(policy)
    text = response.content.decode()
    for tag in SCRIPT.findall(text):
        if re.search(r'\ssrc="/', tag) or DATA_BLOCK.search(tag):
            continue  # same-origin files and data blocks (never executed) need no nonce
        if match is None or f'nonce="{match.group(1)}"' not in tag:
            problems.append(f"inline script without this response's nonce: {tag}")
    if INLINE_HANDLER.search(text):
        problems.append("an on*= attribute")
    if logged_in and "no-store" not in response.get("Cache-Control", ""):
        problems.append("stored although logged in")
    return problems
