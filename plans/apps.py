from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Samarbejdsplaner"

    def ready(self):
        from councils.signals import local_council_saved

        from .page_cache import connect_signals
        from .services import on_local_council_saved

        connect_signals()
        local_council_saved.connect(on_local_council_saved, dispatch_uid="plans.assignments")
