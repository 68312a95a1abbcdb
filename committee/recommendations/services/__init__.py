"""Every write of the recommendations app: progress, two-key status changes and publication,
holding a meeting (its frozen follow-up report), reminders.

Each function is keyword-only, typed and atomic, and checks who may do it (``PermissionDenied``)
and what may be done (``ValidationError``) itself, so views, commands and tests call the same
thing. Edits carry the ``version`` the editor saw; a stale one raises ``StaleEdit`` instead of
overwriting someone else's change. The rules every two-key write shares live in
``committee.two_keys``. E-mails leave after commit (``committee.recommendations.tasks``).

One module per action: ``progress`` (drafts and publication of progress updates), ``status``
(status changes), ``publication`` (making a record public), ``meetings`` (holding a meeting
freezes its follow-up report) and ``reminders``; ``proposals`` holds the one ``decide()`` of
every two-key proposal; ``permissions`` holds the predicates
(``may_…``) the services check and views, templates and admin ask.
``from committee.recommendations import services; services.confirm_status_change(...)``.
"""

from committee.recommendations.services.meetings import freeze_report, hold_meeting
from committee.recommendations.services.permissions import (
    may_act_on,
    may_confirm,
    may_decide_on_record,
    may_propose_publication,
    may_propose_status_change,
    may_report_progress,
    may_withdraw,
    recommendation_of,
)
from committee.recommendations.services.progress import (
    allowed_visibilities,
    edit_progress,
    publish_progress,
    record_progress,
)
from committee.recommendations.services.proposals import decide
from committee.recommendations.services.publication import (
    confirm_publication,
    propose_publication,
    reject_publication,
    withdraw_publication,
)
from committee.recommendations.services.reminders import send_reminders
from committee.recommendations.services.status import (
    EVERYDAY,
    REOPENED,
    allowed_targets,
    confirm_status_change,
    needs_two_keys,
    propose_status_change,
    reject_status_change,
    withdraw_status_change,
)
from committee.two_keys import AlreadyDecided, StaleEdit

__all__ = [
    "EVERYDAY",
    "REOPENED",
    "AlreadyDecided",
    "StaleEdit",
    "allowed_targets",
    "allowed_visibilities",
    "confirm_publication",
    "confirm_status_change",
    "decide",
    "edit_progress",
    "freeze_report",
    "hold_meeting",
    "may_act_on",
    "may_confirm",
    "may_decide_on_record",
    "may_propose_publication",
    "may_propose_status_change",
    "may_report_progress",
    "may_withdraw",
    "needs_two_keys",
    "propose_publication",
    "propose_status_change",
    "publish_progress",
    "recommendation_of",
    "record_progress",
    "reject_publication",
    "reject_status_change",
    "send_reminders",
    "withdraw_publication",
    "withdraw_status_change",
]
