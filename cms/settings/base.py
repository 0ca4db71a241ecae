"""Settings shared by every environment.

Environment-specific modules (``dev``, ``test``, ``production``) import everything from here and
override what differs. Secrets never have defaults outside ``dev`` and ``test``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from .machine_translation import machine_translator_from_env
from .security import inline_style_hashes

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "admin_language",
    "cms",
    "course_content",
    "editorial",
    "translations",
    "learning",
    "search",
    "exports",
    "adaptations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.contrib.search_promotions",  # promoted results on the site search (search/)
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "rest_framework",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail writes times with humanize's naturaltime ("Sent to … 4 minutes ago"); its
    # translations load only with the app installed.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (compressed ahead of time, hashed names cached for ten years) before anything
    # else runs: no session, no database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compression of dynamic responses, except those carrying secrets (cms/compression.py). Above
    # ConditionalGetMiddleware, so that the ETag is computed on the uncompressed body (and turned
    # weak when compressed); both above everything that writes the body or sets cookies.
    "cms.compression.BreachSafeGZipMiddleware",
    # ETag on every GET response that has none (a hash of the body), 304 when it still matches.
    "django.middleware.http.ConditionalGetMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Cache-Control on every response and the application page cache (cms/caching.py): outside
    # the session, locale, CSRF and auth middleware, whose cookies it must see and which a hit
    # skips; inside security headers, static files, compression and conditional GET, which apply
    # to a stored page as to a fresh one.
    "cms.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "admin_language.middleware.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out sign-in into the lockout message (see "Sign-in throttling").
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Caching (README "Caching"; cms/caching.py, cms/frontend_cache.py). Public pages served to
# anonymous visitors carry s-maxage=FRONT_CACHE_SECONDS for a front cache; VARNISH_URL (the
# address Varnish takes PURGE requests on, e.g. http://127.0.0.1:6081) turns on exact purges
# through wagtail.contrib.frontend_cache. Without a front cache, the application keeps the same
# pages PAGE_CACHE_SECONDS in Django's cache (0 turns it off): local memory (one per process), or
# Redis when REDIS_URL is set (shared by every process and server: needed as soon as there are
# several, or a change would reach only the process that made it).
FRONT_CACHE_SECONDS = int(os.environ.get("FRONT_CACHE_SECONDS", "3600"))
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "0" if os.environ.get("VARNISH_URL") else "300")
)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
        }
    }
WAGTAILFRONTENDCACHE = {}
if os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }
# Our purges name every locale's URL themselves (translated slugs differ): Wagtail must not
# rewrite each URL into every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Database: SQLite by default so that a newcomer needs nothing else; any DATABASE_URL
# (postgres://user:pass@host:port/name) switches engines.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people save at once: every transaction takes SQLite's write lock when it begins
    # (a transaction that read first could not take it later without failing), waits for it up to
    # SQLITE_TIMEOUT seconds, and readers never wait for the writer (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes, its database handler: every application server sees the same
# counts). Failed sign-ins are counted within a cool-off window for three keys, each with its own
# limit (LOGIN_FAILURE_LIMITS, enforced by cms.login_throttling.LoginThrottlingHandler):
# - one user from one address: 5 failures lock that pair;
# - one user from any address: 20 (a password guessed from many addresses);
# - one address for any user: 50 (many users tried from one address; high enough for a school or
#   an office behind one NAT address).
# The two wide keys never lock a user out of an address they signed in from successfully in the
# last 30 days, so an attacker cannot lock a real user out of their usual place. A lockout ends
# AXES_COOLOFF_TIME after the last counted failure; failures during a lockout do not extend it.
# Administrators see and clear lockouts in Settings → Sign-in lockouts (or
# `manage.py axes_reset_username <username>`).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "cms.login_throttling.LoginThrottlingHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
LOGIN_FAILURE_LIMITS = {
    ("username", "ip_address"): int(os.environ.get("LOGIN_FAILURE_LIMIT", "5")),
    ("username",): int(os.environ.get("LOGIN_FAILURE_LIMIT_USER", "20")),
    ("ip_address",): int(os.environ.get("LOGIN_FAILURE_LIMIT_ADDRESS", "50")),
}
LOGIN_KNOWN_ADDRESS_DAYS = 30
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMITS[("username", "ip_address")]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = False  # the handler clears only the signed-in user's own address
AXES_LOCKOUT_CALLABLE = "cms.login_throttling.lockout_response"
AXES_ENABLE_ADMIN = False
# No shared-password privacy on pages or collections: a shared password is a sign-in that axes
# cannot throttle (it is not a user's). Private pages and documents ask visitors to sign in, or
# are limited to groups.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
AXES_VERBOSE = False
# Behind a reverse proxy, TRUSTED_PROXY_COUNT proxies add X-Forwarded-For: the client's address
# is read from it (never trusted without a proxy, or anyone could claim any address).
if os.environ.get("TRUSTED_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["TRUSTED_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Internationalisation. Spanish is the source language of the course content; the user
# interface strings are written in English in the code and translated in locale/.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
    ("pt-br", "Português (Brasil)"),
    ("fr", "Français"),
    ("es-mx", "Español (México)"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The admin's languages (interface catalogs: Wagtail's and locale/). A user's admin language is
# their own preference (Account → Preferences), else their browser's language among these, else
# Spanish: see admin_language/languages.py.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("es", "Español"),
    ("pt-br", "Português (Brasil)"),
    ("fr", "Français"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Wagtail's login form with a translated label on the password field.
WAGTAILADMIN_USER_LOGIN_FORM = "admin_language.forms.LoginForm"
TIME_ZONE = "America/Panama"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
# Browsers and front caches keep an original image or a rendition this long (cms/media.py).
MEDIA_MAX_AGE = int(os.environ.get("MEDIA_MAX_AGE", str(24 * 60 * 60)))

# Course exports (exports/): files written by the admin's export tasks, kept in a private folder
# (never under MEDIA_ROOT, never served directly: the download view checks permissions) and
# deleted after EXPORTS_KEEP_DAYS days.
EXPORTS_ROOT = Path(os.environ.get("EXPORTS_ROOT", BASE_DIR / "var" / "exports"))
EXPORTS_KEEP_DAYS = int(os.environ.get("EXPORTS_KEEP_DAYS", "7"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models exceed Django's default of 1000 form fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The demo commands (load_demo_*) create users with published passwords: only the dev and test
# settings allow them.
DEMO_DATA_ALLOWED = False

# Wagtail
WAGTAIL_SITE_NAME = "Curso especializado sobre niñez migrante en las Américas"
# The editor autosaves drafts this many milliseconds after a change (0 turns autosave off).
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "500"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search (search/): Wagtail's database backend (SQLite FTS5, PostgreSQL full text). The site
# search indexes its own rows (search.SearchDocument) already analysed per locale (Snowball
# stems, accents folded: search/analysis.py), so PostgreSQL must not stem them again: its
# configuration is "simple".
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
}
# OPENSEARCH_URL (one URL, or several separated by commas: a cluster's nodes; give the port) makes
# OpenSearch 2.x the default backend through Wagtail's opensearch2 backend (opensearch-py 2.x), in
# search.backends: a failing node is skipped for 30 s and what it missed is sent again later.
# The database backend stays indexed as "database": when OpenSearch fails, the search page
# answers from it with a "reduced search" notice. OPENSEARCH_REPLICAS: 0 on a single node (it
# stays green), 1 or more on a cluster; OPENSEARCH_TIMEOUT in seconds.
if os.environ.get("OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "URLS": [url.strip() for url in os.environ["OPENSEARCH_URL"].split(",")],
            "INDEX_PREFIX": os.environ.get("OPENSEARCH_INDEX_PREFIX", "course_"),
            "TIMEOUT": int(os.environ.get("OPENSEARCH_TIMEOUT", "5")),
            "OPTIONS": {"max_retries": 0},
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        "number_of_shards": 1,
                        "number_of_replicas": int(os.environ.get("OPENSEARCH_REPLICAS", "0")),
                    }
                }
            },
        },
        "database": WAGTAILSEARCH_BACKENDS["default"],
    }
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "mp3",
    "mp4",
    "odt",
    "ogg",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",
    "wav",
    "webm",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# A document's content must match its extension (cms/uploads.py). Documents are always sent by
# our view (course_content/views.py): PDFs and plain text inline, everything else as a download,
# each with its own content type.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
# No SVG (it can carry script): raster formats only, whose real format Wagtail checks against
# the extension; at most 10 MB and 40 megapixels (a small file can decode to a huge image).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Embeds are rendered as light links to the provider (no third-party iframe, no network call
# while rendering); see templates/components/media_link.html.
# API links use the request's host unless a public base URL is given.
if os.environ.get("WAGTAILAPI_BASE_URL"):
    WAGTAILAPI_BASE_URL = os.environ["WAGTAILAPI_BASE_URL"]
WAGTAILAPI_LIMIT_MAX = 100

# The public site's footer: the content's licence and a contact address.
SITE_LICENCE = os.environ.get("SITE_LICENCE", "CC BY-NC-SA 4.0")
SITE_LICENCE_URL = os.environ.get(
    "SITE_LICENCE_URL", "https://creativecommons.org/licenses/by-nc-sa/4.0/"
)
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "curso@example.org")
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Learners sign in on the public site (learning.enrolment), in their language; the admin keeps
# its own sign-in page. A learner's session ends LEARNER_SESSION_AGE seconds after they sign in
# (8 hours: a working day, on what may be a shared computer), or when they sign out.
LOGIN_URL = "learning:login"
# Pages and documents behind a "signed-in users" restriction send visitors there too.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "learning:account"
LEARNER_SESSION_AGE = int(os.environ.get("LEARNER_SESSION_AGE", str(8 * 60 * 60)))

# Adaptation requests (adaptations/): the public form takes ADAPTATION_REQUESTS_PER_ADDRESS
# submissions from one client address per ADAPTATION_REQUESTS_WINDOW seconds (counted in the
# cache: Redis when there are several processes); a request's contact details are erased
# ADAPTATION_REQUEST_RETENTION_DAYS after its last status change (`manage.py
# erase_expired_adaptation_data`, daily from cron), its statistics stay.
ADAPTATION_REQUESTS_PER_ADDRESS = int(os.environ.get("ADAPTATION_REQUESTS_PER_ADDRESS", "10"))
ADAPTATION_REQUESTS_WINDOW = int(os.environ.get("ADAPTATION_REQUESTS_WINDOW", "3600"))
ADAPTATION_REQUEST_RETENTION_DAYS = int(os.environ.get("ADAPTATION_REQUEST_RETENTION_DAYS", "365"))

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# django-tasks (used by Wagtail 8 itself and by our long-running work). TASKS_BACKEND=database
# queues tasks in the database for `manage.py db_worker` (django-tasks-db); the default runs
# them immediately, in the request or command that enqueues them.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}

WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cms@localhost")

# wagtail-localize: machine translation is off unless configured from the environment.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)
# Our speed-ups of wagtail-localize (translations.compat: segment extraction in bulk, the
# translation editor's data in a fixed number of queries, our locale tree sync in a task). Off
# (TRANSLATIONS_LOCALIZE_PATCHES=0) runs the library's own code paths, e.g. to tell whether a
# problem after an upgrade is ours; the results are the same, only slower.
_LOCALIZE_PATCHES = os.environ.get("TRANSLATIONS_LOCALIZE_PATCHES", "1").strip().lower()
TRANSLATIONS_LOCALIZE_PATCHES = _LOCALIZE_PATCHES not in {"0", "false", "no", "off"}
# A submitted translation starts as a draft; only an approved translation goes live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# Response headers. Django's SecurityMiddleware sends X-Content-Type-Options: nosniff, the
# Referrer-Policy and Cross-Origin-Opener-Policy; django-permissions-policy the Permissions-Policy
# (every powerful feature off; fullscreen for the site's own video players); django-csp the
# Content-Security-Policy (cms.middleware.ContentSecurityPolicyMiddleware picks the admin's).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "usb": [],
}
# The public site runs no inline script or style and loads nothing from elsewhere. The one
# exception is the self-contained 500 page's inline style, allowed by its hash (computed here from
# the template, so editing it cannot break it).
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF, *inline_style_hashes(BASE_DIR / "templates" / "500.html")],
        "img-src": [_SELF, "data:"],
        "media-src": [_SELF],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_SELF],
    }
}
# Wagtail's admin still writes inline scripts (date pickers, inline panels, the workflow
# dialogs, wagtail-localize's editor: wagtail/wagtail#1288) and inline styles, so its policy
# allows them; it still loads nothing from another origin, sends forms nowhere else, allows no
# plugin, no <base> and no framing by another site.
ADMIN_URL_PREFIX = "/admin/"
# No Gravatar: the admin would load people's avatars from another site, telling it who signs in.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "media-src": [_SELF, "blob:"],
        "frame-src": [_SELF],
        "worker-src": [_SELF, "blob:"],
    }
}
