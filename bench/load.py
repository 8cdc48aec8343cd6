"""Load: many concurrent respondents submitting through the real HTTP server, CSRF included.

    .venv/bin/python -m bench.load [SUBMISSIONS] [--clients N] [--workers N] [--postgres URL]

Migrates a throwaway database (SQLite, or a new PostgreSQL database), loads the demo, starts
`consult serve` on a free loopback port, then N clients each repeat one respondent's
journey with its own session: open the first question (for the CSRF token), answer the
two required questions, send from check-your-answers. A submission is acknowledged when
the site redirects to the confirmation page. Afterwards every acknowledged reference must
be in the database exactly once, and no request may get a 5xx. A bare Starlette endpoint
(bench/ceiling.py) is measured in the same run with the same clients as the ceiling.
Target (issue #7): >= 500 submissions/s with p99 < 100 ms on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

import httpx

from bench.database import close_bench_database, open_bench_database, postgres_argument
from surveys.demo import DEMO_SLUG, load_demo
from surveys.models import Response

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
BASE = f"/en/consultations/{DEMO_SLUG}"


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    acknowledged: int = 0

    async def request(
        self, client: httpx.AsyncClient, method: str, url: str, **kw: object
    ) -> httpx.Response:
        started = time.perf_counter()
        response = await client.request(method, url, **kw)  # type: ignore[arg-type]
        self.latencies.append(time.perf_counter() - started)
        self.statuses[response.status_code] += 1
        return response


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command} did not start")


async def respondent(base_url: str, count: int, tally: Tally) -> None:
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        for _ in range(count):
            client.cookies.clear()
            page = await tally.request(client, "GET", f"{BASE}/questions/community-help")
            token = CSRF.search(page.text)
            if page.status_code != 200 or not token:
                continue
            csrf = token.group(1)
            await tally.request(
                client,
                "POST",
                f"{BASE}/questions/community-help",
                data={"csrf_token": csrf, "answer": "A youth worker who stays for years."},
            )
            await tally.request(
                client,
                "POST",
                f"{BASE}/questions/priority-objective",
                data={"csrf_token": csrf, "answer": "communities"},
            )
            sent = await tally.request(
                client, "POST", f"{BASE}/check-answers", data={"csrf_token": csrf}
            )
            if sent.status_code == 303 and sent.headers["location"].endswith("/confirmation"):
                tally.acknowledged += 1


async def ceiling_client(base_url: str, count: int, tally: Tally) -> None:
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        for _ in range(count):
            await tally.request(client, "POST", "/", data={"answer": "A youth worker."})


def report(name: str, tally: Tally, elapsed: float, units: int, unit: str) -> None:
    latencies = sorted(tally.latencies)
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    print(
        f"{name}: {units} {unit} in {elapsed:.1f} s = {units / elapsed:.0f} {unit}/s, "
        f"{len(latencies) / elapsed:.0f} requests/s; "
        f"per request p50 {p50:.0f} ms, p99 {p99:.0f} ms; "
        f"5xx: {server_errors}; statuses {dict(tally.statuses)}"
    )


async def main(submissions: int, clients: int, workers: int, postgres: str | None) -> None:
    url = await open_bench_database("load", postgres)
    await load_demo()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "load-benchmark-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    port = free_port()
    server = start(
        [
            sys.executable,
            "-m",
            "consult.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env,
        port,
    )
    try:
        tally = Tally()
        each = submissions // clients
        started = time.perf_counter()
        await asyncio.gather(
            *(respondent(f"http://127.0.0.1:{port}", each, tally) for _ in range(clients))
        )
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(
        f"site ({'PostgreSQL' if postgres else 'SQLite'}, {workers} web processes, "
        f"{clients} clients)",
        tally,
        elapsed,
        tally.acknowledged,
        "submissions",
    )
    stored = await Response.all().values_list("reference", flat=True)
    print(
        f"acknowledged {tally.acknowledged}, stored {len(stored)}, "
        f"distinct references {len(set(stored))}: "
        + (
            "every acknowledged submission stored once"
            if len(stored) == len(set(stored)) == tally.acknowledged
            else "MISMATCH"
        )
    )

    port = free_port()
    ceiling = start(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.ceiling:app",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        dict(os.environ),
        port,
    )
    try:
        bare = Tally()
        started = time.perf_counter()
        await asyncio.gather(
            *(ceiling_client(f"http://127.0.0.1:{port}", each * 4, bare) for _ in range(clients))
        )
        elapsed = time.perf_counter() - started
    finally:
        ceiling.terminate()
        ceiling.wait(timeout=30)
    report("bare Starlette endpoint, same clients", bare, elapsed, len(bare.latencies), "requests")
    print("target: >= 500 submissions/s with p99 < 100 ms on PostgreSQL")
    await close_bench_database(postgres)


def option(arguments: list[str], name: str, default: int) -> int:
    if name not in arguments:
        return default
    position = arguments.index(name)
    value = int(arguments[position + 1])
    del arguments[position : position + 2]
    return value


if __name__ == "__main__":
    arguments = sys.argv[1:]
    postgres_url = postgres_argument(arguments)
    client_count = option(arguments, "--clients", 200)
    worker_count = option(arguments, "--workers", 2)
    total = int(arguments[0]) if arguments else 10_000
    asyncio.run(main(total, client_count, worker_count, postgres_url))
