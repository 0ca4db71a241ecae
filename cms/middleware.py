from django.middleware.locale import LocaleMiddleware

# URL prefixes outside i18n_patterns: their 404s must stay 404s.
UNPREFIXED = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus the language redirect outside the public site.

    The public site's catch-all route makes every ``/es/<anything>`` path valid, so the stock
    middleware would turn an API or admin 404 into a redirect to ``/es/api/…``.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
