"""Compression of dynamic responses, except those that carry secrets (BREACH).

BREACH recovers a secret from a compressed HTTPS response when an attacker can also put text of
their own into it (a search term echoed on the page) and watch the response's size. So a response
is compressed only when it holds nothing secret: never for a signed-in user (their page holds their
data and their session's CSRF token), never when it sets a cookie (Django sends the CSRF cookie
whenever a page used a CSRF token: ``get_token`` always renews it), and only for the text formats
worth compressing. Static files are compressed ahead of time by ``collectstatic`` (WhiteNoise's
``CompressedManifestStaticFilesStorage``) and never reach this middleware.
"""

from django.middleware.gzip import GZipMiddleware

from cms.caching import signed_in

COMPRESSIBLE_TYPES = (
    "text/html",
    "application/json",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/xml",
    "text/xml",
)


def carries_secrets(request, response):
    """Whether the response may hold a secret an attacker could recover through compression."""
    # A CSRF token in the page comes with its cookie (renewed on every use), and any cookie set
    # here (a session, a language choice) is specific to this visitor; Django writes cookies as
    # Set-Cookie headers only after the middleware, so ``response.cookies`` holds them all.
    return signed_in(request) or bool(response.cookies)


class BreachSafeGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for anonymous, cookie-free HTML, JSON, CSS, JS and XML responses.

    Files (documents, media) stream and are left as they are stored: most are compressed
    already, and a byte range must address the stored file.
    """

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if (
            response.streaming
            or content_type not in COMPRESSIBLE_TYPES
            or carries_secrets(request, response)
        ):
            return response
        return super().process_response(request, response)
