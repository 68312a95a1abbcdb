from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The public site: every page a visitor reads, and the machine endpoints (feed, iCal, data)."""

    name = "committee.public"
    verbose_name = _("Public site")
