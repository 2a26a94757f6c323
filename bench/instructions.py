"""`make bench-instructions`: CPU instructions per request, counted by valgrind (callgrind).

Wall-clock figures on a shared 2-core machine drift from run to run and from machine to machine
(README, "Reading the figures"); an instruction count does not: the same code, data and Python
give about the same count (within 2% over 40 requests) whatever else the machine is doing. It
is what a change to our code costs or saves in Python (and C underneath), so it is the figure to
compare across commits. It leaves out the time PostgreSQL and Redis spend answering (the query
counts show that).

Each target is served by Django's test client in one process under callgrind: a warm-up of 3
requests, then N more; a second process does the warm-up alone, and the difference divided by
N is one request. Both start with the caches already filled, and after the warm-up the heap
built so far is frozen (gc.freeze), so a full garbage collection of it cannot fall among the
counted requests in one run and not in another. Uses the database `make bench` builds (run that
first), with production settings, in the three configurations of the benchmark's phases.

Some work does vary from process to process (how often a socket read loops while waiting for
PostgreSQL or Redis, what the collector finds): tens of millions of instructions at most, which
divided by 10 requests moved the fragment-cache article between 5.6 M and 25.9 M in one
afternoon, and divided by 40 keeps it within 15.2-15.6 M. Hence 40 by default.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # the benchmark's environment and paths

REQUESTS = int(os.environ.get("BENCH_INSTRUCTION_REQUESTS", "40"))
ARTICLE = "/blog/neck-pain-from-phones-and-desk-work/"
TARGETS = [
    # (name, url, environment of the phase)
    ("article, full render", ARTICLE, run.UNCACHED),
    ("home, full render", "/", run.UNCACHED),
    ("article, fragment cache", ARTICLE, {"PAGE_CACHE": "false"}),
    ("article, page cache", ARTICLE, {"PAGE_CACHE": "true"}),
    # The Python side only: PostgreSQL's ranking is in the query counts and wrk's figures.
    ("search 'back pain', ranked afresh", "/search/?q=back+pain", run.UNCACHED),
    ("ceiling: trivial view (/healthz)", "/healthz", run.UNCACHED),
]
SCRIPT = """
import gc
import sys
import django
django.setup()
from django.test import Client
client = Client()
url, count = sys.argv[1], int(sys.argv[2])
for _ in range(3):
    assert client.get(url).status_code == 200
# What start-up and the warm-up left behind is kept out of the collector's way: otherwise one
# full collection of that heap (hundreds of millions of instructions, at a moment nothing
# here controls) would land among the counted requests or not, run by run.
gc.collect()
gc.freeze()
for _ in range(count):
    assert client.get(url).status_code == 200
"""


def instructions(env: dict, url: str, count: int, script: str) -> int:
    """Instructions callgrind counts for the whole process (start-up included)."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", run.PY, script]
        + [url, str(count)],
        cwd=run.ROOT,
        env={**env, "PYTHONPATH": str(run.ROOT), "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"refs:\s+([\d,]+)", result.stderr)
    if not match:
        raise RuntimeError(result.stderr[-2000:])
    return int(match.group(1).replace(",", ""))


def per_request(env: dict, url: str, script: str) -> int:
    # Fill the caches first (without valgrind), so both counted runs start from the same state:
    # otherwise whichever of them renders the page into an empty cache pays for it.
    subprocess.run(
        [run.PY, script, url, "0"],
        cwd=run.ROOT,
        env={**env, "PYTHONPATH": str(run.ROOT)},
        check=True,
        capture_output=True,
    )
    with ThreadPoolExecutor(max_workers=2) as pool:  # the two runs side by side, one per core
        warm_up = pool.submit(instructions, env, url, 0, script)
        measured = pool.submit(instructions, env, url, REQUESTS, script)
        return (measured.result() - warm_up.result()) // REQUESTS


def main() -> int:
    if not shutil.which("valgrind"):
        print("valgrind is not installed (Debian package 'valgrind').", file=sys.stderr)
        return 2
    env = run.bench_env(8000, 25)  # ports unused: nothing is served
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(SCRIPT)
    results = {}
    try:
        for name, url, phase in TARGETS:
            count = per_request({**env, **phase}, url, handle.name)
            results[name] = count
            print(f"{name}: {count / 1e6:.1f} M instructions per request", flush=True)
    finally:
        os.unlink(handle.name)
    out = run.ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "instructions.json").write_text(json.dumps(results, indent=1))
    lines = [
        f"Instructions per request (callgrind, {REQUESTS} requests after a warm-up of 3;"
        " Django's test client, production settings, PostgreSQL + Redis):",
        "",
        "| Target | M instructions |",
        "| --- | ---: |",
        *[f"| {name} | {count / 1e6:.1f} |" for name, count in results.items()],
    ]
    (out / "instructions.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
