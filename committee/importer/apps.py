from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    """Turns articles into records that cite their words: ``import_article``, ``import_seeds``
    and the admin's import page. Its one model is what an article would change in a record,
    kept for review (``ProposedChange``); runs are ``sources.ImportRun``."""

    name = "committee.importer"
    verbose_name = _("Article import")
