from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware

# URL prefixes outside i18n_patterns: their 404s must stay 404s.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/")


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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under ``ADMIN_URL_PREFIX``.

    The public site gets ``CONTENT_SECURITY_POLICY``; the admin (and its previews of pages)
    ``ADMIN_CONTENT_SECURITY_POLICY``, without a nonce: a nonce in the header would make
    browsers ignore the ``'unsafe-inline'`` that Wagtail's own inline scripts still need.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(
                config=parts.config or settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=None,
            )
        return parts
