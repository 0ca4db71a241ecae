"""Test settings: fast hashing, in-memory cache and email, immediate tasks."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests see uncached pages (and their real query counts); caching tests turn it on with
# override_settings. No front cache unless a test configures one.
PAGE_CACHE_SECONDS = 0
WAGTAILFRONTENDCACHE = {}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="cms-test-media-")))  # noqa: F405
EXPORTS_ROOT = Path(tempfile.mkdtemp(prefix="cms-test-exports-"))  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEMO_DATA_ALLOWED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None  # no test calls an outside service
