"""WSGI entry point for application servers: production settings unless DJANGO_SETTINGS_MODULE
says otherwise (as Wagtail's project template does for deployment; `manage.py` keeps dev)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
