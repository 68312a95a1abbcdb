from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Invented records for development and benchmarks (``generate_demo_data``); never production.

    Installed only when ``DEBUG`` is on (and in the test suite).
    """

    name = "committee.demo"
    verbose_name = "Demo data"
