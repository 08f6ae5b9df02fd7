"""Background jobs facade over Django's task API (django-tasks).

Jobs take ids, not objects, and must be idempotent. Enqueue after the surrounding transaction
commits so a worker never sees a job for a row that was rolled back.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def enqueue_atomic(task: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue as part of the surrounding transaction when the queue is the database backend on
    the same database: the job row commits (or rolls back) with the data that needs it, in the
    same commit. That is one fsync instead of two, and no window where the data is committed but
    the job is not. Any other backend (immediate, dummy, a broker) enqueues after commit, like
    `enqueue_on_commit`."""
    if _queue_is_this_database(task) and transaction.get_connection().in_atomic_block:
        task.enqueue(*args, **kwargs)
    else:
        enqueue_on_commit(task, *args, **kwargs)


def _queue_is_this_database(task: Any) -> bool:
    from django.db import DEFAULT_DB_ALIAS, router

    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database queue is a dependency
        return False
    backend = task.get_backend()
    return isinstance(backend, DatabaseBackend) and (
        router.db_for_write(DBTaskResult) == DEFAULT_DB_ALIAS
    )
