from django.apps import AppConfig


class WebConfig(AppConfig):
    """Request and response machinery: request ids, cache headers, kept pages, error pages.

    The label stays ``site`` (the app's name before it was split) so that databases migrated
    before keep their migration history and their ``site_datastamp`` table.
    """

    name = "committee.web"
    label = "site"
    verbose_name = "Web"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate  # noqa: PLC0415

        from committee import checks  # noqa: F401, PLC0415 - registers the project's system checks
        from committee.web import converters, stamp  # noqa: PLC0415

        converters.register()  # <text:…>, before any URLconf is loaded

        # After migrate and flush, every table of every app exists: watch the new ones.
        post_migrate.connect(stamp.install, sender=self, dispatch_uid="committee.web.stamp")
