"""WSGI entry point (gunicorn polmas.config.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")
application = get_wsgi_application()
