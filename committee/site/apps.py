from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "committee.site"
    label = "site"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from committee import checks  # noqa: F401, PLC0415 - registers the project's system checks
        from committee.site import stamp  # noqa: PLC0415

        # After migrate and flush, every table of every app exists: watch the new ones.
        post_migrate.connect(stamp.install, sender=self, dispatch_uid="committee.site.stamp")
