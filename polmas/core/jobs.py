"""Background jobs facade over Django's task API (django-tasks).

Jobs take ids, not objects, and must be idempotent. Enqueue after the surrounding transaction
commits so a worker never sees a job for a row that was rolled back.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
