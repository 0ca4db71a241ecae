"""Machine translation for wagtail-localize, configured from the environment; off by default.

MACHINE_TRANSLATOR=deepl          with DEEPL_AUTH_KEY
MACHINE_TRANSLATOR=libretranslate with LIBRETRANSLATE_URL (and LIBRETRANSLATE_API_KEY)
MACHINE_TRANSLATOR=dummy          wagtail-localize's offline test translator (demos, tests)

Segments filled by a machine are marked as such and must be reviewed by a person before a
translation can be approved (see translations.models.TranslationReviewTask).
"""

from django.core.exceptions import ImproperlyConfigured

PACKAGE = "wagtail_localize.machine_translators"


def machine_translator_from_env(env):
    name = env.get("MACHINE_TRANSLATOR", "").strip().lower()
    if not name:
        return None
    if name == "dummy":
        return {"CLASS": f"{PACKAGE}.dummy.DummyTranslator"}
    if name == "deepl":
        key = env.get("DEEPL_AUTH_KEY", "").strip()
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_AUTH_KEY.")
        return {"CLASS": f"{PACKAGE}.deepl.DeepLTranslator", "OPTIONS": {"AUTH_KEY": key}}
    if name == "libretranslate":
        url = env.get("LIBRETRANSLATE_URL", "").strip()
        if not url:
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL."
            )
        return {
            "CLASS": f"{PACKAGE}.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": url,
                "API_KEY": env.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    raise ImproperlyConfigured(
        f"Unknown MACHINE_TRANSLATOR '{name}': use deepl, libretranslate or dummy, or unset it."
    )
