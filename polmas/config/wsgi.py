"""WSGI entry point (gunicorn polmas.config.wsgi).

`application` answers provider webhooks on a lean path (polmas/channels/fastpath.py) and hands
everything else to Django; `django_application` is Django alone (for comparison benchmarks)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")
django_application = get_wsgi_application()

from polmas.channels.fastpath import WebhookWSGI  # noqa: E402  (needs the apps loaded)

application = WebhookWSGI(django_application)
