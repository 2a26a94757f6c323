"""An editor changes an article's title in the Wagtail admin and publishes it; visitors see it."""

import re

from django.contrib.auth import get_user_model

import pytest

from blog.models import BlogPage

from .conftest import DESKTOP, LIVE_SERVER_DB, require_module
from .site_pages import ARTICLE_URL

expect = require_module("playwright.sync_api", "Playwright drives Chromium", True).expect

pytestmark = [pytest.mark.browser, LIVE_SERVER_DB]

NEW_TITLE = "Back spasms: causes, self-care and when to get help"

# Each admin error message with the label of the field it belongs to.
FIELD_ERRORS_JS = """() => Array.from(document.querySelectorAll('.error-message')).map((error) => {
    const field = error.closest('[data-field]');
    const input = field && field.querySelector('input, textarea, select');
    const label = input && input.labels.length ? input.labels[0].textContent.trim() : '?';
    return `${label} = ${input ? JSON.stringify(input.value) : '?'}: ${error.textContent.trim()}`;
})"""


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_editor_changes_article_title_publishes_and_visitors_see_it(new_page):
    password = "correct-horse-battery-staple-42"
    get_user_model().objects.create_superuser("editor", "editor@example.com", password)
    article = BlogPage.objects.get(slug="muscle-spasm-and-back-pain")
    before = {"date": article.date, "last_reviewed": article.last_reviewed}

    page = new_page(DESKTOP)
    log_in(page, "editor", password)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_have_value(article.title)
    title.fill(NEW_TITLE)

    # Wagtail's footer: "Save draft" is the main button, "Publish" sits in its dropdown menu.
    page.get_by_role("navigation", name="Actions (footer)").get_by_role(
        "button", name="More actions"
    ).click()
    publish = page.get_by_role("button", name="Publish", exact=True)
    expect(publish).to_be_visible()
    with page.expect_navigation():
        publish.click()

    if page.get_by_text("The page could not be saved due to validation errors").count():
        errors = "\n".join(page.evaluate(FIELD_ERRORS_JS))
        pytest.fail(f"Publishing the unchanged article failed with admin errors:\n{errors}")
    expect(page.get_by_text(f"Page '{NEW_TITLE}' has been published.")).to_be_visible()

    page.goto(ARTICLE_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    expect(page).to_have_title(re.compile(rf"^{re.escape(NEW_TITLE)} \|"))

    article.refresh_from_db()
    assert article.title == NEW_TITLE
    assert article.live and not article.has_unpublished_changes
    # Saving through the admin must not alter the fields the editor did not touch.
    assert {"date": article.date, "last_reviewed": article.last_reviewed} == before
