from django.apps import AppConfig


class MembersConfig(AppConfig):
    """The members' area under ``/me/``: the dashboard and the two-key forms."""

    name = "committee.members"
    verbose_name = "Members' area"
