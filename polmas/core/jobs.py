"""Background jobs facade over Django's task API (django-tasks).

Jobs take ids, not objects, and must be idempotent. Enqueue after the surrounding transaction
commits so a worker never sees a job for a row that was rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from itertools import islice
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


def enqueue_many_atomic(task: Any, calls: Sequence[tuple[Any, ...]]) -> None:
    """`enqueue_atomic(task, *args)` for each args tuple in `calls`, with the job rows written by
    one INSERT (the webhook hot path). The rows are the ones django-tasks-db's own `enqueue`
    writes; its `task_enqueued` signal (a debug log line in django-tasks) is sent only when
    debug logging is on for `django_tasks`. Other backends: each job after commit."""
    if not calls:
        return
    if not (_queue_is_this_database(task) and transaction.get_connection().in_atomic_block):
        for args in calls:
            enqueue_on_commit(task, *args)
        return
    from django_tasks.signals import task_enqueued
    from django_tasks.utils import normalize_json
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = task.get_backend()
    backend.validate_task(task)
    rows: list[Any] = [
        DBTaskResult(
            id=backend._get_id(),
            args_kwargs=normalize_json({"args": list(args), "kwargs": {}}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after or get_date_max(),  # what its pre_save handler sets
            backend_name=backend.alias,
        )
        for args in calls
    ]
    DBTaskResult.objects.bulk_create(rows)
    if logging.getLogger("django_tasks").isEnabledFor(logging.DEBUG):
        for row in rows:
            task_enqueued.send(type(backend), task_result=row.task_result)


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


def enqueue_missing(
    task: Any, ids: Iterable[Any], *, running_since: Any, limit: int | None = None
) -> list[Any]:
    """Enqueue `task(id)` for each id (in order, at most `limit`) that has no job waiting in the
    database queue and due now, nor running since `running_since` (a job running longer is
    taken to belong to a killed worker); one INSERT. A recovery sweep calls this, so a queue
    that backs up does not get a second job per row each time the sweep runs, while a row whose
    only job is scheduled for later gets one now. Other queues: every id is enqueued. Returns
    the ids enqueued."""
    pending = _pending_first_args(task, running_since) if _queue_is_this_database(task) else set()
    chosen = list(islice((i for i in ids if i not in pending), limit))
    with transaction.atomic():
        enqueue_many_atomic(task, [(i,) for i in chosen])
    return chosen


def _pending_first_args(task: Any, running_since: Any) -> set[Any]:
    from django.db.models import Q
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    due = Q(run_after=get_date_max()) | Q(run_after__lte=timezone.now())
    waiting = (Q(status=TaskResultStatus.READY) & due) | Q(
        status=TaskResultStatus.RUNNING, started_at__gte=running_since
    )
    rows = DBTaskResult.objects.filter(waiting, task_path=task.module_path)
    return {
        args_kwargs["args"][0]
        for args_kwargs in rows.values_list("args_kwargs", flat=True).iterator()
        if args_kwargs.get("args")
    }


def jobs_from_cte_sql(task: Any, cte: str) -> tuple[str, list[Any]] | None:
    """PostgreSQL with the database queue on this database: the tail of one statement that
    writes a job row for each row of the common table expression `cte` (a name whose rows have
    an `id` column; the job's argument is that id). Prefixed with `WITH cte AS (INSERT ...
    RETURNING id)`, the data rows and their jobs are written by a single statement: one round
    trip and, outside a transaction, one implicit commit, instead of BEGIN, two INSERTs and
    COMMIT. The job rows are those `enqueue_many_atomic` writes. None elsewhere, and when debug
    logging for `django_tasks` wants a `task_enqueued` signal per job: use
    `enqueue_many_atomic` then."""
    from django.db import connection

    if connection.vendor != "postgresql" or not _queue_is_this_database(task):
        return None
    if logging.getLogger("django_tasks").isEnabledFor(logging.DEBUG):
        return None
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = task.get_backend()
    backend.validate_task(task)
    table = connection.ops.quote_name(DBTaskResult._meta.db_table)
    columns = (
        "id, status, args_kwargs, priority, task_path, queue_name, backend_name, run_after, "
        "enqueued_at, exception_class_path, traceback, worker_ids"
    )
    # Identifiers from the model and the caller's CTE name; values as parameters.
    sql = (
        f"INSERT INTO {table} ({columns}) SELECT gen_random_uuid(), %s, "  # noqa: S608
        "jsonb_build_object('args', jsonb_build_array(id), 'kwargs', '{}'::jsonb), "
        f"%s, %s, %s, %s, %s, %s, '', '', '[]'::jsonb FROM {cte} ORDER BY id"
    )
    params = [
        TaskResultStatus.READY.value,
        task.priority,
        task.module_path,
        task.queue_name,
        backend.alias,
        task.run_after or get_date_max(),
        timezone.now(),
    ]
    return sql, params
