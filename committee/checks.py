"""The project's own system checks: what Django's deployment checks let pass.

See docs/security.md item 1."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

CSP_MIDDLEWARE = "django.middleware.csp.ContentSecurityPolicyMiddleware"
LOGIN_REQUIRED = "django.contrib.auth.middleware.LoginRequiredMiddleware"
ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


def _sources(directive: str) -> list[str]:
    sources: Any = settings.SECURE_CSP.get(directive, [])
    return [str(source) for source in sources]


@register(Tags.security, deploy=True)
def content_security_policy(app_configs: Any, **kwargs: Any) -> list[Error]:
    errors = []
    if CSP_MIDDLEWARE not in settings.MIDDLEWARE:
        errors.append(
            Error("ContentSecurityPolicyMiddleware is not installed.", id="committee.E001")
        )
    script = _sources("script-src") or _sources("default-src")
    if not script:
        errors.append(Error("SECURE_CSP has no script-src (nor default-src).", id="committee.E002"))
    unsafe = {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(script)
    if unsafe:
        errors.append(
            Error(f"SECURE_CSP script-src allows {', '.join(sorted(unsafe))}.", id="committee.E003")
        )
    if _sources("object-src") != ["'none'"]:
        errors.append(Error("SECURE_CSP must set object-src 'none'.", id="committee.E004"))
    if _sources("frame-ancestors") != ["'none'"]:
        errors.append(Error("SECURE_CSP must set frame-ancestors 'none'.", id="committee.E005"))
    return errors


@register(Tags.security)
def passwords_and_access(app_configs: Any, **kwargs: Any) -> list[Error]:
    errors = []
    if not settings.PASSWORD_HASHERS or settings.PASSWORD_HASHERS[0] != ARGON2:
        errors.append(
            Error("Argon2PasswordHasher must come first in PASSWORD_HASHERS.", id="committee.E010")
        )
    if LOGIN_REQUIRED not in settings.MIDDLEWARE:
        errors.append(
            Error(
                "LoginRequiredMiddleware must be installed: deny by default.", id="committee.E011"
            )
        )
    return errors


@register(Tags.database)
def database_reliability(app_configs: Any, **kwargs: Any) -> list[Error]:
    return database_problems(settings.DATABASES)


def database_problems(databases: dict[str, dict[str, Any]]) -> list[Error]:
    problems: list[Error] = []
    for alias, database in databases.items():
        if not database.get("ATOMIC_REQUESTS"):
            problems.append(
                Error(f"DATABASES[{alias!r}] must set ATOMIC_REQUESTS.", id="committee.E020")
            )
        if database.get("CONN_MAX_AGE", 0) and not database.get("CONN_HEALTH_CHECKS"):
            problems.append(
                Error(
                    f"DATABASES[{alias!r}] keeps connections without CONN_HEALTH_CHECKS.",
                    id="committee.E021",
                )
            )
    return problems
