"""Local development and the demo (`make run`): console email, a fixed insecure key.

DEBUG is off unless ``DEBUG=true`` is set, so a visitor of the demo sees the site's own 404 and
500 pages; static files are served by WhiteNoise straight from the apps and ``static/`` (no
``collectstatic``) and original images and renditions by the application (``cms/media.py``), as
in production, with DEBUG on or off.
"""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "false").strip().lower() in {"1", "true", "yes", "on"}
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_DATA_ALLOWED = True

# WhiteNoise (in base.MIDDLEWARE) serves static files straight from the apps and static/;
# its runserver_nostatic keeps runserver from doing it instead.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Original images and renditions served by the application (cms/media.py), as in production.
SERVE_MEDIA = True
