"""Production settings: everything secret or site-specific comes from the environment.

The process refuses to start when SECRET_KEY, ALLOWED_HOSTS or DATABASE_URL is missing.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _require(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = _require("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _require("ALLOWED_HOSTS").split(",") if host.strip()]
_require("DATABASE_URL")
DATABASES = {  # noqa: F811
    "default": dj_database_url.config(  # noqa: F405
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Static files: `manage.py collectstatic` at deploy writes them to STATIC_ROOT with hashed names
# and gzip copies; WhiteNoise (base.MIDDLEWARE) serves them, the compressed copy to browsers that
# accept it, hashed names with "Cache-Control: max-age=315360000, public, immutable" and the rest
# for WHITENOISE_MAX_AGE seconds.
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
WHITENOISE_MAX_AGE = int(os.environ.get("WHITENOISE_MAX_AGE", "3600"))
# Original images and renditions are served by the application (cms/media.py) unless a front
# server serves MEDIA_ROOT's images itself (SERVE_MEDIA=false); documents never are (they go
# through Wagtail's document view and its privacy checks).
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "true").strip().lower() in {"1", "true", "yes", "on"}
# Long work (translation jobs, source refreshes) is queued for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "database")]}}  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
