from django.apps import AppConfig


class DatabaseConfig(AppConfig):
    """The database: its address, the embedded server, and the ``backup``/``restore`` commands."""

    name = "committee.database"
    verbose_name = "Database"
