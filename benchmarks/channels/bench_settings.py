"""Benchmark-only settings: Polmas's settings with persistent database connections.

With CONN_MAX_AGE=0 on SQLite every request opens and closes the database; closing the last
connection to a WAL database checkpoints it (fsync) and deletes the WAL, which costs ~25 ms per
request. The benchmark reports figures with the shipped settings and with this override.
"""

from polmas.config.settings import *  # noqa: F403
from polmas.config.settings import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = 600
