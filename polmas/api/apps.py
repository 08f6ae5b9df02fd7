from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "polmas.api"
    label = "polmas_api"
    verbose_name = "API"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from polmas.api.auth import forget_tokens
        from polmas.org.models import ApiToken, Membership, Person, Unit

        # Anything that changes who a token belongs to or what that user may see.
        for model in (ApiToken, Membership, Person, Unit, get_user_model()):
            post_save.connect(forget_tokens, sender=model, dispatch_uid=f"api-tokens-{model}")
            post_delete.connect(forget_tokens, sender=model, dispatch_uid=f"api-tokens-d-{model}")
        m2m_changed.connect(
            forget_tokens, sender=Unit.jurisdiction.through, dispatch_uid="api-tokens-jur"
        )
