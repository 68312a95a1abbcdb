"""The checked-in table of who may open which URL (docs/security.md items 11–12).

``RULES`` gives every URL of the URLconf — by name, or by route for the admin's unnamed
redirects — an access rule. ``expected(rule, role, visibility, users)`` turns a rule into the
HTTP statuses each role may get for a record of each visibility. One table for both matrices:
``tests/security/test_url_matrix.py`` requests the public, account and admin URLs, and
``tests/members/test_matrix.py`` the members' area (its URLs need a member's records). A URL
the table does not name fails the first, so a new page cannot be added without deciding who may
see it.
"""

from __future__ import annotations

import fnmatch

from committee.bilateral import Side, Visibility, can_see

ROLES = ("anonymous", "ma_member", "es_member", "ma_secretariat", "es_secretariat", "superuser")
VISIBILITIES = tuple(Visibility.values)

# Rules (what the URL is, for access):
PUBLIC = "public"  # a page anyone may open: 200
RECORD = "record"  # a page about one record: 200 if the role may see it, else 404
PUBLIC_ONLY = "public-only"  # a machine endpoint about one record: public records only, else 404
ANONYMOUS_FORM = "anonymous-form"  # login/sign-up: 200 for visitors, a redirect once logged in
ACCOUNT = "account"  # a page of one's own account: login first, then 200 or a redirect
REDIRECT = "redirect"  # always answers with a redirect (302)
# The members' area: anonymous visitors are sent to the login first, whatever the rule.
MEMBER_PAGE = "member-page"  # the member's own page: 200 once logged in
MEMBER_SEE = "member-see"  # about one record: 200 if the role may see it, else 404
MEMBER_ACT = "member-act"  # acts on a record: as MEMBER_SEE, and 403 to a role that may not act
# (members of the body for their side and the secretariat act; operators have no side)
MEMBER_AUTHOR = "member-author"  # a draft: 200 to its author only (OWNER), 404 to everyone else
MEMBER_POST = "member-post"  # POST only: a GET answers 405
MEMBERS = frozenset({MEMBER_PAGE, MEMBER_SEE, MEMBER_ACT, MEMBER_AUTHOR, MEMBER_POST})
ADMIN = "admin"  # an admin page: the secretariat and operators only
ADMIN_OBJECT = "admin-object"  # an admin page about one record: secretariat, if it may see it
ADMIN_ADD = "admin-add"  # an admin add page: the secretariat, where adding is allowed (else 403)
ADMIN_MISSING = "admin-missing"  # a wrong admin address: 404 for the secretariat
OPERATOR_TOKEN = "operator-token"  # only for the operator's bearer token: 404 to every account

RULES: dict[str, str] = {
    # operations and machine endpoints: public records only, whoever asks
    "healthz": PUBLIC,
    "readyz": PUBLIC,
    "metrics": OPERATOR_TOKEN,
    "set_language": REDIRECT,
    "calendar": PUBLIC,
    "body-calendar": PUBLIC_ONLY,
    "feed": PUBLIC,
    "open-data-json": PUBLIC,
    "open-data-csv": PUBLIC,
    # the public site
    "home": PUBLIC,
    "search": PUBLIC,
    "open-data": PUBLIC,
    "meeting-list": PUBLIC,
    "meeting-detail": RECORD,
    "meeting-document": RECORD,
    "meeting-minutes": RECORD,
    "meeting-report": RECORD,
    "meeting-report-pdf": RECORD,
    "body-list": PUBLIC,
    "body-detail": RECORD,
    "recommendation-list": PUBLIC,
    "recommendation-list-csv": PUBLIC,
    "recommendation-list-json": PUBLIC,
    "recommendation-detail": RECORD,
    "person-list": PUBLIC,
    "person-detail": RECORD,
    "organization-detail": RECORD,
    "agreement-list": PUBLIC,
    "agreement-detail": RECORD,
    "mechanism-detail": RECORD,
    "source-detail": RECORD,
    # accounts (django-allauth): visitors may log in and reset a password, nothing else
    "login": ANONYMOUS_FORM,
    "account_login": ANONYMOUS_FORM,
    "account_signup": ANONYMOUS_FORM,
    "logout": ACCOUNT,
    "account_logout": ACCOUNT,
    "account_inactive": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_email_verification_sent": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_confirm_login_code": ACCOUNT,
    "account_reauthenticate": ACCOUNT,
    "account_request_reauthentication_code": ACCOUNT,
    "account_confirm_reauthentication_code": ACCOUNT,
    "account_email": ACCOUNT,
    "account_change_password": ACCOUNT,
    "account_set_password": ACCOUNT,
    "mfa_index": ACCOUNT,
    "mfa_authenticate": ACCOUNT,
    "mfa_reauthenticate": ACCOUNT,
    "mfa_activate_totp": ACCOUNT,
    "mfa_deactivate_totp": ACCOUNT,
    "mfa_view_recovery_codes": ACCOUNT,
    "mfa_generate_recovery_codes": ACCOUNT,
    "mfa_download_recovery_codes": ACCOUNT,
    "usersessions_list": ACCOUNT,
    # the members' area (requested by tests/members/test_matrix.py)
    "me": MEMBER_PAGE,
    "member-recommendation": MEMBER_SEE,
    "progress-create": MEMBER_ACT,
    "status-propose": MEMBER_ACT,
    "progress-edit": MEMBER_AUTHOR,
    "progress-publish": MEMBER_POST,
    "evidence-download": MEMBER_SEE,
    "status-decide": MEMBER_SEE,
    "publication-propose": MEMBER_ACT,
    "publication-decide": MEMBER_SEE,
    # the secretariat's admin
    "admin:index": ADMIN,
    "admin:app_list": ADMIN,
    "admin:password_change": ADMIN,
    "admin:password_change_done": ADMIN,
    "admin:jsi18n": ADMIN,
    "admin:autocomplete": ADMIN,
    "admin:view_on_site": ADMIN_OBJECT,
    "admin:login": REDIRECT,
    "admin/login/": REDIRECT,  # the admin's login, replaced by the two-factor login
    "admin/r/<int:content_type_id>/<path:object_id>/": ADMIN_OBJECT,  # checked "view on site"
    "admin:logout": ACCOUNT,
    "admin:*_changelist": ADMIN,
    "admin:*_add": ADMIN_ADD,
    "admin:*_change": ADMIN_OBJECT,
    "admin:*_history": ADMIN_OBJECT,
    "admin:*_delete": ADMIN_OBJECT,
    "admin:sources_sourcedocument_import": ADMIN,
    "admin:sources_sourcedocument_suggestions": ADMIN_OBJECT,  # an article's preview again
    # the admin's unnamed redirect to the change page, which checks (the address holds only the id)
    "admin:*/<path:object_id>/": REDIRECT,
    "admin:*/(?P<url>.*)$": ADMIN_MISSING,  # the admin's catch-all for wrong addresses
}


#: Who wrote the draft and made the proposals on the members' records of each visibility.
OWNER = {
    "public": "ma_member",
    "committee": "ma_member",
    "ma": "ma_member",
    "es": "es_member",
    "secretariat": "ma_secretariat",
}


def rule_for(name: str) -> str | None:
    """The rule for a URL name (exact names win over patterns)."""
    if name in RULES:
        return RULES[name]
    matches = [
        rule
        for pattern, rule in RULES.items()
        if "*" in pattern and fnmatch.fnmatchcase(name, pattern)
    ]
    return matches[0] if len(matches) == 1 else None


def is_staff_role(role: str) -> bool:
    return role in {"ma_secretariat", "es_secretariat", "superuser"}


def expected(rule: str, role: str, visibility: str, users: dict) -> set[int]:
    """The statuses ``role`` may get for a URL of ``rule`` about a record of ``visibility``."""
    user = users[role]
    if rule == PUBLIC:
        return {200}
    if rule == OPERATOR_TOKEN:
        return {404}
    if rule == RECORD:
        return {200} if can_see(user, visibility) else {404}
    if rule == PUBLIC_ONLY:
        return {200} if visibility == Visibility.PUBLIC else {404}
    if rule == REDIRECT:
        return {302}
    if rule == ANONYMOUS_FORM:
        return {200} if user is None else {302}
    if rule == ACCOUNT:
        return {302} if user is None else {200, 302}
    if rule in MEMBERS:
        return _member_expected(rule, role, visibility, user)
    if not is_staff_role(role):
        return {302}  # the admin sends everyone else to the (two-factor) login
    if rule == ADMIN:
        return {200}
    if rule == ADMIN_ADD:
        return {200, 403}
    if rule == ADMIN_MISSING:
        return {404}
    return {200, 302} if can_see(user, visibility) else {404}


def _member_expected(rule: str, role: str, visibility: str, user) -> set[int]:
    if user is None:
        return {302}  # to the login
    if rule == MEMBER_PAGE:
        return {200}
    if rule == MEMBER_POST:
        return {405}
    if not can_see(user, visibility):
        return {404}
    if rule == MEMBER_AUTHOR:
        return {200} if role == OWNER[visibility] else {404}
    if rule == MEMBER_ACT:
        may_act = getattr(user, "side", "") in Side.values and role != "superuser"
        return {200} if may_act else {403}
    return {200}
