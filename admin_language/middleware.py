from django.utils import translation
from django.utils.cache import patch_vary_headers

from .languages import admin_language

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    """Every admin request (the login page and the JavaScript catalog included) in the language
    ``languages.admin_language`` chooses.

    Wagtail applies a user's preference only to views it wraps, and only once the user has a
    profile; without this middleware, two users with the same browser could get different
    languages, and the public site's languages (``es-mx``…) leaked into the admin. Wagtail's own
    wrapper then finds the same language: the preference, or the active language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        language = admin_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers["Content-Language"] = language
        return response
