"""Every environment variable the code reads is documented: in the README's configuration table
and in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ = re.compile(
    r"""(?:os\.environ(?:\.get)?[\[(]|env_(?:bool|list)\()\s*["']([A-Z][A-Z0-9_]+)["']"""
)
# Read by the test and benchmark tooling only, not by the application.
TOOLING = {"REQUIRE_BROWSER"}


def variables_read():
    names = set()
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in {".venv", "tests", "bench", "node_modules"}:
            continue
        names.update(READ.findall(path.read_text()))
    return names - TOOLING


def test_the_code_reads_environment_variables():
    assert {"SECRET_KEY", "REDIS_URL", "PAGE_FRAGMENT_CACHE"} <= variables_read()


def test_every_variable_is_in_the_readme_configuration_table():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration") : readme.index("## Editor")]
    missing = sorted(name for name in variables_read() if f"`{name}`" not in table)
    assert missing == []


def test_every_variable_is_in_env_example():
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.M))
    assert sorted(variables_read() - listed) == []
