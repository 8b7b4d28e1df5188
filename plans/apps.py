from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Samarbejdsplaner"

    def ready(self):
        from .page_cache import connect_signals

        connect_signals()
