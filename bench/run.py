"""`make bench`: gunicorn (2 workers, production settings) on loopback, measured with wrk.

Targets: a trivial Django view (/healthz, the ceiling, measured in the same run), home, blog
index, an article, search, a static file and the contact form POST, against a blog of 1,000
articles. The form POST runs while a deliberately slow SMTP server (2 s per message) receives the
notifications through the worker, to show the POST never waits for mail.

First a bare Django view (bench/bare.py: no middleware, no database) under the same gunicorn,
to compare machines; it runs again at the end, to show how much the machine drifted. Then three
phases, each with its own ceiling (/healthz through the whole middleware stack): (1) no page
cache and no fragment cache, so every request renders everything; (2) the fragment cache on
(fragments and routes from the page store), for the requests the page cache cannot
serve; (3) the page cache on, as in production. Search also runs at c=2 (one connection per
worker) to show its latency without queueing.

Prints req/s, p50/p99 latency and each page's ratio to the ceiling, with query counts per page,
and writes them to bench-results/latest.{md,json}. Everything listens on 127.0.0.1 and every load
run is bounded in time.
"""

import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv/bin/python")
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "1000"))
SMTP_DELAY = float(os.environ.get("BENCH_SMTP_DELAY", "2"))
UNCACHED = {"PAGE_CACHE": "false", "PAGE_FRAGMENT_CACHE": "false"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reachable(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def bench_env(port: int, smtp_port: int) -> dict:
    env = dict(os.environ)
    if "BENCH_DATABASE_URL" in os.environ:
        database = os.environ["BENCH_DATABASE_URL"]
    elif reachable(5432):
        database = "postgres://postgres@127.0.0.1:5432/clinic_bench"
    else:
        database = f"sqlite:///{ROOT / 'bench.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=database,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(ROOT / "collected-static"),
        MEDIA_ROOT=str(ROOT / "bench-media"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="10",
        CONTACT_RATE_LIMIT_SHORT="100000000",
        CONTACT_RATE_LIMIT_DAY="100000000",
        WORKER_POLL_SECONDS="0.5",
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESS_LOG="",
    )
    if "REDIS_URL" not in os.environ and reachable(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/14"
    return env


def ensure_database(env: dict) -> None:
    url = urllib.parse.urlsplit(env["DATABASE_URL"])
    if not url.scheme.startswith("postgres"):
        return
    import psycopg

    admin = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    name = url.path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args, quiet=True):
    subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def slow_smtp_server(port: int, delay: float) -> subprocess.Popen:
    code = f"""
import asyncio, time
from aiosmtpd.controller import Controller
class Slow:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep({delay})
        Slow.count += 1
        print("received", Slow.count, flush=True)
        return "250 OK"
c = Controller(Slow(), hostname="127.0.0.1", port={port})
c.start()
while True:
    time.sleep(3600)
"""
    return subprocess.Popen([PY, "-c", code], stdout=subprocess.PIPE, text=True)


def wait_http(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout}s")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def run_wrk(url: str, script: str | None = None, connections: str = CONNECTIONS) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{DURATION}", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = to_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1))
    p99 = to_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests": requests,
        "rps": rps,
        "p50_ms": p50,
        "p99_ms": p99,
        "non_2xx_3xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


QUERY_COUNT_SCRIPT = """
import json, statistics, sys, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for name, url in json.loads(sys.argv[1]).items():
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    query_count = len(queries)  # now: the log is emptied when the next request starts
    times = []
    for _ in range(20):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    counts[name] = {
        "queries": query_count,
        "status": status,
        "render_ms": statistics.median(times),
    }
print(json.dumps(counts))
"""


def query_counts(env, urls: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write("import django\ndjango.setup()\n" + QUERY_COUNT_SCRIPT)
    out = subprocess.run(
        [PY, handle.name, json.dumps(urls)],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)
    return json.loads(out.strip().splitlines()[-1])


def form_post_script(base: str, contact_path: str, directory: Path) -> Path:
    """A wrk Lua script posting valid, distinct enquiries with a real CSRF token and form token.
    The form is fetched now and the run starts after the minimum fill time, like a person."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    html = opener.open(base + contact_path, timeout=10).read().decode()
    cookies = opener.handlers
    jar = next(h.cookiejar for h in cookies if hasattr(h, "cookiejar"))
    csrf_cookie = next(c.value for c in jar if c.name == "csrftoken")
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    fields.update(
        {
            "phone_number": "050 123 4567",
            "email_address": "bench@example.com",
            "preferred_contact_method": "Phone call",
            "how_can_we_help": "Benchmark enquiry.",
            "consent": "on",
        }
    )
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        choices = [value for value in re.findall(r'value="([^"]*)"', options) if value]
        if choices:
            fields[name] = choices[0]
    body = urllib.parse.urlencode(fields)
    script = directory / "post.lua"
    script.write_text(
        f"""
counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrftoken={csrf_cookie}"
wrk.headers["Referer"] = "{base}{contact_path}"
request = function()
  counter = counter + 1
  local body = "{body}&full_name=Bench+visitor+" .. counter .. "+" .. math.random(1, 1000000000)
  return wrk.format(nil, "{contact_path}", nil, body)
end
"""
    )
    time.sleep(3.5)  # the form's minimum fill time
    return script


def analyze(env) -> None:
    """Refresh the planner's statistics after the bulk load, as autovacuum would in production."""
    if not env["DATABASE_URL"].startswith("postgres"):
        return
    import psycopg

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        conn.execute("ANALYZE")


def run_gunicorn(port, *args, env=None, ready_path="/healthz") -> subprocess.Popen:
    """gunicorn with 2 sync workers on loopback, once it answers ``ready_path``."""
    process = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            *args,
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    wait_http(f"http://127.0.0.1:{port}{ready_path}")
    return process


def start_gunicorn(env, port) -> subprocess.Popen:
    """The site, with its production gunicorn config."""
    return run_gunicorn(port, "-c", "cms/gunicorn.conf.py", env=env)


def start_bare_django(port) -> subprocess.Popen:
    """bench/bare.py under the same gunicorn (2 sync workers): a Django view with nothing else."""
    return run_gunicorn(port, "--chdir", str(ROOT / "bench"), "bare:application", ready_path="/")


def stop(processes) -> None:
    for process in reversed(processes):
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def measure(base: str, urls: dict) -> dict:
    """wrk on each path; a name ending in "(c=N)" runs with N connections instead."""
    for path in urls.values():  # warm renditions, templates and caches
        urllib.request.urlopen(base + path, timeout=30).read()
    results = {}
    for name, path in urls.items():
        connections = re.search(r"\(c=(\d+)\)$", name)
        results[name] = run_wrk(
            base + path, connections=connections.group(1) if connections else CONNECTIONS
        )
        print(f"  {name}: {results[name]['rps']:.0f} req/s", flush=True)
    return results


def measure_bare_view(port: int, base: str, processes: list) -> dict:
    """The bare Django view (bench/bare.py) under the same gunicorn."""
    bare = start_bare_django(port)
    processes.append(bare)  # stopped in the end even if the run fails
    try:
        return run_wrk(base + "/")
    finally:
        stop([bare])


def measure_phase(env: dict, port: int, base: str, processes: list, urls: dict) -> dict:
    """gunicorn with ``env``, each of ``urls`` measured on it."""
    gunicorn = start_gunicorn(env, port)
    processes.append(gunicorn)  # stopped in the end even if the run fails
    try:
        return measure(base, urls)
    finally:
        stop([gunicorn])


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian package 'wrk').", file=sys.stderr)
        return 2
    port, smtp_port = free_port(), free_port()
    env = bench_env(port, smtp_port)
    base = f"http://127.0.0.1:{port}"
    print(f"Database: {env['DATABASE_URL'].split('@')[-1]}; cache: {env.get('REDIS_URL', 'local')}")
    ensure_database(env)
    started = time.time()
    # Static files first: publishing renders each page to make its renditions, and production
    # templates need the static manifest.
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--articles", str(ARTICLES))
    analyze(env)
    print(f"Setup: {time.time() - started:.0f}s")

    processes = []
    workdir = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
    results = {}
    try:
        processes.append(slow_smtp_server(smtp_port, SMTP_DELAY))
        worker = subprocess.Popen(
            [PY, "manage.py", "run_worker"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
        )
        processes.append(worker)

        # Phase 0: a bare Django view (no middleware, no database) for comparison with the
        # issue's reference machine.
        print("Phase 0: bare Django view")
        results["bare Django view (no middleware)"] = measure_bare_view(port, base, processes)

        # Phase 1: no page cache and no fragment cache: every request renders everything.
        print("Phase 1: page cache and fragment cache off")
        gunicorn = start_gunicorn({**env, **UNCACHED}, port)
        processes.append(gunicorn)  # stopped in the end even if a run fails
        home = urllib.request.urlopen(base + "/", timeout=10).read().decode()
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', home)
        uncached = {
            "ceiling: trivial view (/healthz)": "/healthz",
            "home": "/",
            "blog index": "/blog/",
            "blog index, page 50": "/blog/?page=50",
            "blog index, one category": "/blog/?category=back-and-neck-pain",
            "article (with inline form)": "/blog/muscle-spasm-and-back-pain/",
            "article": "/blog/neck-pain-from-phones-and-desk-work/",
            "standard page (services)": "/services/",
            "search 'back pain'": "/search/?q=back+pain",
            "search 'back pain' (c=2)": "/search/?q=back+pain",
            "search 'sciatica'": "/search/?q=sciatica",
            "sitemap.xml": "/sitemap.xml",
            "static CSS": stylesheet.group(1) if stylesheet else "/static/css/site.css",
        }
        results.update(measure(base, uncached))
        post = "contact form POST (SMTP 2 s/message)"
        before = count_enquiries(env)
        script = form_post_script(base, "/contact/", workdir)
        results[post] = run_wrk(base + "/contact/", str(script))
        results[post]["enquiries_stored"] = count_enquiries(env) - before
        stop([gunicorn])

        # Phase 2: the fragment cache on, the page cache off: what a request the page cache
        # cannot serve costs (editors, pages with a form, unknown query strings).
        print("Phase 2: fragment cache on, page cache off")
        fragments = {
            "home, fragment cache": "/",
            "article, fragment cache": "/blog/neck-pain-from-phones-and-desk-work/",
            "article with inline form, fragment cache": "/blog/muscle-spasm-and-back-pain/",
            "standard page (services), fragment cache": "/services/",
            "blog index, fragment cache": "/blog/",
            "blog index, page 50, fragment cache": "/blog/?page=50",
            "search 'back pain', results from the store": "/search/?q=back+pain",
        }
        phase_2 = {"ceiling (phase 2)": "/healthz", **fragments}
        results.update(
            measure_phase({**env, "PAGE_CACHE": "false"}, port, base, processes, phase_2)
        )

        # Phase 3: the page cache on, as in production (Redis when available).
        print("Phase 3: page cache on")
        phase_3 = {
            "ceiling (phase 3)": "/healthz",
            "home, page cache": "/",
            "blog index, page cache": "/blog/",
            "article, page cache": "/blog/neck-pain-from-phones-and-desk-work/",
            "sitemap.xml, page cache": "/sitemap.xml",
        }
        results.update(measure_phase({**env, "PAGE_CACHE": "true"}, port, base, processes, phase_3))

        # The bare view again: on a shared machine the speed drifts during a run, and the two
        # bare figures show by how much.
        again = "bare Django view (no middleware), again at the end"
        results[again] = measure_bare_view(port, base, processes)
        counts = query_counts(
            {**env, **UNCACHED},
            {k: v for k, v in uncached.items() if "static" not in k and "(c=" not in k},
        )
        counts.update(query_counts({**env, "PAGE_CACHE": "false"}, fragments))
    finally:
        stop(processes)

    report(results, counts, env)
    return 0


def count_enquiries(env) -> int:
    out = subprocess.run(
        [
            PY,
            "manage.py",
            "shell",
            "-c",
            "from contact.models import Enquiry; print(Enquiry.objects.count())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.strip().splitlines()[-1])


def report(results: dict, counts: dict, env: dict) -> None:
    ceilings = {
        "phase 1": results["ceiling: trivial view (/healthz)"]["rps"],
        "phase 2": results["ceiling (phase 2)"]["rps"],
        "phase 3": results["ceiling (phase 3)"]["rps"],
    }
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    lines = [
        f"Machine: {os.cpu_count()} cores ({cpu}), load average "
        f"{os.getloadavg()[0]:.2f}; wrk -t1 -c{CONNECTIONS} -d{DURATION} on the same cores; "
        f"gunicorn 2 sync workers, cms.settings.production, "
        f"{'PostgreSQL' if 'postgres' in env['DATABASE_URL'] else 'SQLite'}"
        f"{' + Redis' if env.get('REDIS_URL') else ''}, {ARTICLES} articles.",
        "",
        "| Target | req/s | p50 ms | p99 ms | vs ceiling | queries | render ms | non-2xx/3xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    phase = "phase 1"
    for name, row in results.items():
        if name.startswith("bare Django"):
            lines.append(
                f"| {name} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | "
                f"{row['rps'] / ceilings['phase 1']:.2f} |  |  | {row['non_2xx_3xx']} |"
            )
            continue
        if name.startswith("ceiling (phase"):
            phase = name[len("ceiling (") : -1]
        ceiling = ceilings[phase]
        queries = counts.get(name, {}).get("queries", "")
        render = counts.get(name, {}).get("render_ms")
        render = f"{render:.1f}" if render is not None else ""
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | "
            f"{row['rps'] / ceiling:.2f} | {queries} | {render} | {row['non_2xx_3xx']} |"
        )
    post = results["contact form POST (SMTP 2 s/message)"]
    lines += [
        "",
        f"Form POST: {post['requests']} requests, {post['enquiries_stored']} enquiries stored, "
        f"while the SMTP server took {SMTP_DELAY:g} s per message (it could accept at most "
        f"{float(DURATION.rstrip('s')) / SMTP_DELAY:.0f} in the run): the POST does not wait "
        "for mail. Queries and render ms: counted and timed in-process (Django's test client, "
        "median of 20 requests after a warm-up), with the page and fragment caches off, "
        "except the fragment-cache rows.",
    ]
    text = "\n".join(lines)
    print()
    print(text)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(text + "\n")
    (out / "latest.json").write_text(
        json.dumps({"results": results, "queries": counts}, indent=2) + "\n"
    )


if __name__ == "__main__":
    sys.exit(main())
