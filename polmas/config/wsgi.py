"""WSGI entry point (gunicorn polmas.config.wsgi).

`application` answers provider webhooks on a lean path (polmas/channels/fastpath.py) and hands
everything else to Django; `django_application` is Django alone (for comparison benchmarks).

Importing this module ends with `gc.freeze()`: the ~230,000 objects loaded at start-up (Django,
the apps, their modules) live as long as the process, so they are moved out of the cyclic
collector's reach. A full collection otherwise walks all of them: measured at 80-210 ms in a
dashboard request that happened to trigger it, the tail (p95) of the map endpoints, and about
10 % of the CPU of each layers request in the smaller collections (benchmarks/insights).
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
