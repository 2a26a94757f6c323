"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations on the public pages, on a phone and on
a desktop, including the 404 page and the contact form showing errors; nothing scrolls sideways;
keyboard users can skip to the content and open FAQ answers."""

import pytest

from .conftest import DESKTOP, LIVE_SERVER_DB, PHONE, require_module
from .site_pages import ARTICLE_URL, CONTACT_URL, NOT_FOUND_URL, PUBLIC_PAGES

pytestmark = [pytest.mark.browser, LIVE_SERVER_DB]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

# Open every <details> (FAQ answers) so the checks cover their content too.
OPEN_DETAILS_JS = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
# WCAG 1.4.10 Reflow, which axe cannot test: nothing may need sideways scrolling. Returns the
# elements sticking out (hidden helpers and scrollable table wrappers aside), or [] if none.
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const culprits = Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.closest('.visually-hidden, .form__hp, .table-wrap > *'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return culprits.length ? culprits : ['(element not identified)'];
}"""


@pytest.fixture(scope="module")
def axe():
    return require_module("axe_playwright_python.sync_playwright", "axe-core runs the checks").Axe()


def violations_on(axe, page) -> list[str]:
    page.evaluate(OPEN_DETAILS_JS)
    results = axe.run(page, options=AXE_OPTIONS)
    assert "violations" in results.response, results.response
    overflowing = page.evaluate(OVERFLOW_JS)
    reflow = [f"reflow: wider than the viewport: {', '.join(overflowing)}"] if overflowing else []
    return reflow + [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(
            f"      {', '.join(map(str, node['target']))}: "
            + node.get("failureSummary", "").replace("\n", " ")
            for node in violation["nodes"]
        )
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone-390", "desktop-1280"])
def test_public_pages_have_no_wcag_a_or_aa_violations(axe, new_page, device):
    page = new_page(device)
    found = {}
    for name, path in PUBLIC_PAGES:
        response = page.goto(path)
        assert response.status == (404 if path == NOT_FOUND_URL else 200), path
        found[f"{name} {path}"] = violations_on(axe, page)

    page.goto(CONTACT_URL)
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name="Send").click()
    assert page.get_by_role("alert").is_visible(), "the invalid form shows no error summary"
    found[f"contact-with-errors {CONTACT_URL} (POST)"] = violations_on(axe, page)

    report = "\n".join(
        f"  {page_name}:\n    " + "\n    ".join(problems)
        for page_name, problems in found.items()
        if problems
    )
    width = device["viewport"]["width"]
    assert not report, f"Accessibility problems (axe WCAG A/AA, reflow) at {width}px:\n{report}"


def test_keyboard_user_can_skip_to_content_and_open_faq_answers(new_page):
    page = new_page(DESKTOP)
    page.goto(ARTICLE_URL)

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.text_content() == "Skip to main content"
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["x"] >= 0, "the focused skip link is off-screen"
    assert skip.evaluate("(el) => getComputedStyle(el).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    summary = page.locator("details.faq__item summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("(el) => el.parentElement.open") is True
    page.keyboard.press("Enter")
    assert summary.evaluate("(el) => el.parentElement.open") is False
