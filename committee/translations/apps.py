from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "committee.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        from committee.translations import signals  # noqa: PLC0415  (models must be loaded)

        signals.connect()
