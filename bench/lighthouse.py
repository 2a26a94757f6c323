"""`make lighthouse`: Lighthouse (phone profile) on home, blog index, an article and the contact
page, served by gunicorn with production settings on loopback, in Debian's Chromium.

Uses the benchmark's database (run `make bench` first, or it is built here). Lighthouse itself
comes from the npm registry into .lighthouse/ (no browser is downloaded: CHROME_PATH points at
/usr/bin/chromium). Prints the four category scores per page and writes
bench-results/lighthouse.json.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, bench_env, ensure_database, free_port, manage, start_gunicorn, stop

VERSION = "12.8.2"
PAGES = {
    "home": "/",
    "blog index": "/blog/",
    "article": "/blog/muscle-spasm-and-back-pain/",
    "contact": "/contact/",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def lighthouse_binary() -> Path:
    prefix = ROOT / ".lighthouse"
    binary = prefix / "node_modules/.bin/lighthouse"
    if not binary.exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(prefix),
                "--no-audit",
                "--no-fund",
                f"lighthouse@{VERSION}",
            ],
            check=True,
        )
    return binary


def main() -> int:
    binary = lighthouse_binary()
    port = free_port()
    env = {**bench_env(port, free_port()), "SERVE_MEDIA": "true"}
    ensure_database(env)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")
    server = start_gunicorn(env, port)
    results = {}
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    try:
        for name, path in PAGES.items():
            report = out / f"lighthouse-{name.replace(' ', '-')}.json"
            for _attempt in range(3):  # Lighthouse occasionally loses its trace: try again
                subprocess.run(
                    [
                        str(binary),
                        f"http://127.0.0.1:{port}{path}",
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        f"--chrome-flags={CHROME_FLAGS}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                    ],
                    env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                    check=False,
                    capture_output=True,
                    timeout=300,
                )
                data = json.loads(report.read_text())
                scores = {k: v["score"] for k, v in data["categories"].items()}
                if None not in scores.values():
                    break
            results[name] = {
                k: round(v * 100) if v is not None else None for k, v in scores.items()
            }
            print(name, results[name], flush=True)
    finally:
        stop([server])
    (out / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(all(v == 100 for v in r.values()) for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
