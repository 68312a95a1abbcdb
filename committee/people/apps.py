from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "committee.people"
    label = "people"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        from committee.people import signals  # noqa: F401, PLC0415  (connects the receivers once apps are ready)
