from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubcommitteesConfig(AppConfig):
    name = "committee.subcommittees"
    label = "subcommittees"
    verbose_name = _("Bodies")
