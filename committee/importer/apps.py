from django.apps import AppConfig


class ImporterConfig(AppConfig):
    """Turns articles into records that cite their words: ``import_article``, ``import_seeds``
    and the admin's import page. It holds no models of its own (runs are ``sources.ImportRun``)."""

    name = "committee.importer"
    verbose_name = "Importer"
