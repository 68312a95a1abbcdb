"""One write path per app: rule-bearing fields are written only in services modules.

Walks every module of ``committee/`` but migrations and services (``services.py`` or a module
of a ``services/`` package) and fails on an assignment to a rule-bearing attribute
(``obj.status = …``) or an ``.update(status=…)`` with one of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "committee"

#: Fields whose writes carry a rule: two keys, publication, freezing, adoption.
RULE_BEARING = frozenset(
    {
        "status",
        "visibility",
        "completion",
        "state",
        "adopted_at",
        "decision",
        "decided_by",
        "decided_side",
        "decided_at",
        "published_at",
    }
)

#: Writes that are not rule-bearing, by path (a folder ends with ``/``), with the reason.
ALLOWED: dict[str, str] = {}


def _is_service(path: Path) -> bool:
    return path.name == "services.py" or "services" in path.relative_to(PACKAGE).parts[:-1]


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.relative_to(PACKAGE).parts and not _is_service(path)
    ]


def _allowed(relative: str) -> bool:
    return any(
        relative == key or (key.endswith("/") and relative.startswith(key)) for key in ALLOWED
    )


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        targets = []
        for target in node.targets:
            targets.extend(target.elts if isinstance(target, ast.Tuple | ast.List) else [target])
        return targets
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    return []


def writes(source: str) -> list[tuple[int, str]]:
    """``(line, what)`` of each rule-bearing write in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for target in _targets(node):
            if isinstance(target, ast.Attribute) and target.attr in RULE_BEARING:
                found.append((target.lineno, f"assigns .{target.attr}"))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
        ):
            for keyword in node.keywords:
                if keyword.arg in RULE_BEARING:
                    found.append((node.lineno, f".update({keyword.arg}=…)"))
    return found


def test_the_walk_sees_assignments_and_updates():
    source = "a.status = 1\nb.x, b.visibility = 1, 2\nqs.update(state='x')\nc.title = 't'\n"
    assert [line for line, _ in writes(source)] == [1, 2, 3]


def test_rule_bearing_fields_are_written_only_in_services():
    offences = []
    for path in _modules():
        relative = path.relative_to(ROOT).as_posix()
        if _allowed(relative):
            continue
        for line, what in writes(path.read_text()):
            offences.append(f"{relative}:{line}: {what}")
    for offence in offences:
        print(offence)
    assert not offences, "rule-bearing writes outside services:\n" + "\n".join(offences)
