"""Load generators for the webhook benchmark; both send real HTTP/1.1 and check every answer.

- `AsyncSender`: one asyncio thread, `connections` raw sockets, keep-alive when the server
  allows it (gthread does; gunicorn's sync worker closes after each answer, so it reconnects),
  or one request per connection (`keep_alive=False`: spreads requests evenly over gunicorn's
  worker processes, which keep-alive connections pinned to one worker do not). Lean: about
  0.1-0.2 ms of client CPU per webhook on a loaded machine, a third of the threaded client's.
- `ThreadedSender`: the previous client, `http.client` in N threads, a new connection per
  request. Kept to compare with earlier figures.

Both count `accepted` and `duplicates` from each 200 JSON answer; any other answer, or a
connection that fails 5 times for one request, is an error. `cpu_seconds` is the client's own
CPU time for the last `run`.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

Job = tuple[int, int, str]  # update_id, chat_id, text
Progress = Callable[[int], None] | None


def telegram_body(update_id: int, chat_id: int, text: str) -> bytes:
    return json.dumps(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id % 100000,
                "from": {"id": chat_id, "is_bot": False, "first_name": "Warga"},
                "chat": {"id": chat_id, "type": "private"},
                "date": int(time.time()),
                "text": text,
            },
        }
    ).encode()


class _Counts:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.acks = 0
        self.dups = 0
        self.errors = 0
        self.cpu_seconds = 0.0
        self.lock = threading.Lock()

    def record(self, status: int, data: bytes, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if status != 200:
                self.errors += 1
                return
            try:
                result = json.loads(data)
            except ValueError:
                result = {}
            if result.get("ok") is not True:
                self.errors += 1
                return
            self.acks += int(result["accepted"])
            self.dups += int(result["duplicates"])


class AsyncSender(_Counts):
    def __init__(self, port: int, path: str, secret: str, keep_alive: bool = True) -> None:
        super().__init__()
        self.port, self.path, self.secret = port, path, secret
        self.keep_alive = keep_alive

    def _request(self, job: Job) -> bytes:
        body = telegram_body(*job)
        head = (
            f"POST {self.path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
            "Content-Type: application/json\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {self.secret}\r\n"
            f"Content-Length: {len(body)}\r\n"
            + ("" if self.keep_alive else "Connection: close\r\n")
            + "\r\n"
        )
        return head.encode() + body

    async def _exchange(
        self, streams: list[Any], request: bytes
    ) -> tuple[int, bytes, bool]:  # status, body, keep-alive
        if not streams:
            streams.extend(await asyncio.open_connection("127.0.0.1", self.port))
        reader, writer = streams
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        version, status = lines[0].split(" ", 2)[:2]
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip().lower()
        if headers.get("transfer-encoding") == "chunked":
            data = b""
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                data += await reader.readexactly(size)
                await reader.readexactly(2)
            await reader.readuntil(b"\r\n")  # no trailers from gunicorn: the final CRLF
        else:
            data = await reader.readexactly(int(headers.get("content-length", "0")))
        keep = version == "HTTP/1.1" and headers.get("connection") != "close"
        return int(status), data, keep

    async def _connection(self, queue: list[Job], total: int, on_progress: Progress) -> None:
        streams: list[Any] = []
        while queue:
            job = queue.pop()
            request = self._request(job)
            for _attempt in range(5):
                t0 = time.perf_counter()
                try:
                    status, data, keep = await self._exchange(streams, request)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    if streams:
                        streams[1].close()
                        streams.clear()
                    await asyncio.sleep(0.05)
                    continue
                self.record(status, data, time.perf_counter() - t0)
                if not keep:
                    streams[1].close()
                    streams.clear()
                break
            else:
                with self.lock:
                    self.errors += 1
            if on_progress:
                on_progress(total - len(queue))
        if streams:
            streams[1].close()

    def run(self, jobs: Sequence[Job], connections: int, on_progress: Progress = None) -> float:
        queue = list(reversed(jobs))

        async def main() -> None:
            await asyncio.gather(
                *(self._connection(queue, len(jobs), on_progress) for _ in range(connections))
            )

        cpu0, t0 = time.thread_time(), time.perf_counter()
        asyncio.run(main())
        self.cpu_seconds = time.thread_time() - cpu0
        return time.perf_counter() - t0


class ThreadedSender(_Counts):
    def __init__(self, port: int, path: str, secret: str) -> None:
        super().__init__()
        self.port, self.path, self.secret = port, path, secret

    def send(self, job: Job) -> None:
        body = telegram_body(*job)
        headers = {
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": self.secret,
        }
        for _attempt in range(5):
            t0 = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                conn.request("POST", self.path, body, headers)
                response = conn.getresponse()
                data = response.read()
                conn.close()
            except OSError:
                time.sleep(0.05)
                continue
            self.record(response.status, data, time.perf_counter() - t0)
            return
        with self.lock:
            self.errors += 1

    def run(self, jobs: Sequence[Job], connections: int, on_progress: Progress = None) -> float:
        it = iter(jobs)
        lock = threading.Lock()
        done = [0]
        cpu = [0.0]

        def loop() -> None:
            c0 = time.thread_time()
            while True:
                with lock:
                    job = next(it, None)
                    if job is None:
                        break
                    done[0] += 1
                    n = done[0]
                self.send(job)
                if on_progress:
                    on_progress(n)
            with lock:
                cpu[0] += time.thread_time() - c0

        t0 = time.perf_counter()
        workers = [threading.Thread(target=loop) for _ in range(connections)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        self.cpu_seconds = cpu[0]
        return time.perf_counter() - t0
