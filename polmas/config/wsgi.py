"""WSGI entry point (gunicorn polmas.config.wsgi).

`application` answers provider webhooks on a lean path (polmas/channels/fastpath.py) and hands
everything else to Django; `django_application` is Django alone (for comparison benchmarks).

Importing this module ends with `gc.freeze()`: the objects loaded at start-up (Django, the apps,
their modules; about 130,000-230,000) live as long as the process, so they are moved out of the
cyclic collector's reach and a full collection no longer walks them. On a loaded machine a probe
caught one full collection of 214 ms inside a dashboard request, and the layers request's CPU
fell from 39.9 to 35.3 ms with the objects frozen; the quiet dashboard benchmark showed no
measurable difference (docs/insights-app.md).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")
django_application = get_wsgi_application()

from polmas.channels.fastpath import WebhookWSGI  # noqa: E402  (needs the apps loaded)

application = WebhookWSGI(django_application)

gc.collect()
gc.freeze()
