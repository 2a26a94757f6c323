"""Editors work in the Wagtail admin: create with StreamField content, draft, preview, schedule,
publish and revise. These guard against our models breaking Wagtail's own features."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
import time_machine

from blog.models import BlogPage
from tests import factories
from tests.helpers import post_preview


class TestArticleCreationInAdmin(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = factories.HomePageFactory(parent=root)
        cls.blog = factories.BlogIndexPageFactory(parent=cls.home)
        cls.contact = factories.ContactPageFactory(parent=cls.home)
        cls.author = factories.PersonFactory(name="Dr Layla Test")
        from wagtail.models import Site

        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.hostname = "testserver"
        site.save()

    def setUp(self):
        self.login()

    def test_editor_can_create_an_article_with_faq_callout_and_call_to_action(self):
        data = nested_form_data(
            {
                "title": "Muscle spasm and back pain",
                "slug": "muscle-spasm",
                "summary": "What a spasm is and when to get help.",
                "date": "2026-11-20",
                "author": str(self.author.pk),
                "tags": "back pain, spasm",
                "body": streamfield(
                    [
                        ("heading", {"text": "What is a spasm?", "level": "h2", "anchor": ""}),
                        ("paragraph", rich_text("<p>A sudden tightening of a muscle.</p>")),
                        (
                            "callout",
                            {
                                "style": "urgent",
                                "heading": "Seek urgent care",
                                "text": rich_text("<p>If your legs feel weak.</p>"),
                            },
                        ),
                        (
                            "faq",
                            {
                                "heading": "Questions",
                                "items": streamfield(
                                    [
                                        (
                                            "item",
                                            {
                                                "question": "Is rest best?",
                                                "answer": rich_text("<p>Gentle movement.</p>"),
                                            },
                                        )
                                    ]
                                ),
                                "emit_schema": "on",
                            },
                        ),
                        (
                            "cta",
                            {
                                "heading": "Book a free evaluation",
                                "text": "",
                                "button_text": "Book now",
                                "page": str(self.contact.pk),
                                "url": "",
                                "show_phone": "on",
                                "show_whatsapp": "",
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.blog, BlogPage, data)

        article = BlogPage.objects.get(slug="muscle-spasm")
        assert article.live
        response = self.client.get(article.url)
        html = response.content.decode()
        assert "Is rest best?" in html and "<details" in html
        assert "Seek urgent care" in html
        assert 'href="/contact/"' in html
        assert sorted(t.name for t in article.tags.all()) == ["back pain", "spasm"]

    def test_every_page_type_has_a_working_edit_view(self):
        article = factories.BlogPageFactory(parent=self.blog)
        standard = factories.StandardPageFactory(parent=self.home)
        for page in (self.home, self.blog, self.contact, article, standard):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, page

    def test_clinic_settings_and_snippets_are_editable(self):
        from wagtail.models import Site

        site = Site.objects.get(is_default_site=True)
        url = reverse("wagtailsettings:edit", args=["home", "clinicsettings", site.pk])
        assert self.client.get(url).status_code == 200
        for model in ("people/person", "blog/blogcategory"):
            app, name = model.split("/")
            assert self.client.get(reverse(f"wagtailsnippets_{app}_{name}:add")).status_code == 200


@pytest.fixture
def admin_client_logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


def test_draft_changes_are_not_public_until_published(admin_client_logged_in, client, article):
    article.title = "Draft title"
    article.save_revision()

    assert BlogPage.objects.get(pk=article.pk).title != "Draft title"
    assert b"Draft title" not in client.get(article.url).content

    article.get_latest_revision().publish()
    assert b"Draft title" in client.get(article.url).content


def test_preview_shows_unsaved_changes(admin_client_logged_in, article):
    preview_url = post_preview(
        admin_client_logged_in, article, "Previewed title", "Preview summary", "<p>Preview body</p>"
    )

    preview = admin_client_logged_in.get(preview_url)
    assert preview.status_code == 200
    assert b"Previewed title" in preview.content and b"Preview body" in preview.content
    assert BlogPage.objects.get(pk=article.pk).title != "Previewed title"


def test_scheduled_publishing_goes_live_when_due(client, blog_index):
    article = factories.BlogPageFactory(parent=blog_index, title="Scheduled", live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get(article.url).status_code == 404

    call_command("publish_scheduled")  # not due yet
    article.refresh_from_db()
    assert not article.live

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        call_command("publish_scheduled")

    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_revisions_are_kept_and_an_old_one_can_be_restored(article):
    article.title = "Second version"
    first = article.save_revision()
    first.publish()
    article.title = "Third version"
    article.save_revision().publish()

    article.refresh_from_db()
    assert article.title == "Third version"
    assert article.revisions.count() >= 2
    restored = first.as_object()
    assert restored.title == "Second version"
    restored.save_revision().publish()
    assert BlogPage.objects.get(pk=article.pk).title == "Second version"


@pytest.mark.django_db
def test_editors_and_moderators_groups_have_sensible_permissions():
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")

    def codenames(group):
        return set(group.permissions.values_list("codename", flat=True))

    assert {"access_admin", "add_person", "change_person", "change_blogcategory"} <= codenames(
        editors
    )
    assert "delete_person" not in codenames(editors)
    assert "change_clinicsettings" not in codenames(editors)
    assert {"delete_person", "change_clinicsettings"} <= codenames(moderators)
    # Wagtail's own page permissions: moderators publish, editors only draft.
    from wagtail.models import GroupPagePermission

    editor_perms = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "permission__codename", flat=True
        )
    )
    moderator_perms = set(
        GroupPagePermission.objects.filter(group=moderators).values_list(
            "permission__codename", flat=True
        )
    )
    assert "add_page" in editor_perms and "publish_page" not in editor_perms
    assert "publish_page" in moderator_perms
    assert Permission.objects.filter(codename="access_admin").exists()
