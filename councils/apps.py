from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = "Politikredse og råd"

    def ready(self):
        # base sits below councils and may not import it, yet its admin scopes every page by
        # district: hand it the rule (see base/README.md, "Which district a user may manage").
        from base.admin import use_district_rule
        from councils.models import ManagedDistricts

        use_district_rule(ManagedDistricts.of)
