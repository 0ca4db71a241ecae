"""Production settings plus one static view, for `make bench` only."""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
