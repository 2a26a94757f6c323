"""The "Medical reviewers" group and the "Medical review" workflow (one task for that group),
assigned to the blog index if it exists (``load_demo`` and ``seo.workflows`` assign it on a fresh
site). Also fills ``next_review_due`` for articles that existed before the field did."""

from django.conf import settings
from django.db import migrations

GROUP = "Medical reviewers"
WORKFLOW = "Medical review"
# Approving the last task publishes the page as the approver, so reviewers may edit and publish
# articles (only under the blog index).
PAGE_PERMISSIONS = ["change_page", "publish_page"]


def add_months(day, months):
    import calendar

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    MedicalReviewTask = apps.get_model("seo", "MedicalReviewTask")
    BlogIndexPage = apps.get_model("blog", "BlogIndexPage")
    BlogPage = apps.get_model("blog", "BlogPage")

    group, _ = Group.objects.get_or_create(name=GROUP)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access is not None:
        group.permissions.add(admin_access)

    task_type, _ = ContentType.objects.get_or_create(app_label="seo", model="medicalreviewtask")
    task = MedicalReviewTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = MedicalReviewTask.objects.create(name=WORKFLOW, active=True, content_type=task_type)
    task.groups.add(group)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    page_perms = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
    )
    for index in BlogIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
        for permission in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=index.pk, permission=permission
            )

    interval = settings.REVIEW_INTERVAL_MONTHS
    for page in BlogPage.objects.exclude(last_reviewed=None).only(
        "pk", "last_reviewed", "review_interval_months"
    ):
        due = add_months(page.last_reviewed, page.review_interval_months or interval)
        BlogPage.objects.filter(pk=page.pk).update(next_review_due=due)


def remove(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("seo", "MedicalReviewTask").objects.filter(name=WORKFLOW).delete()
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("seo", "0001_initial"),
        ("blog", "0003_blogindexpage_canonical_url_blogindexpage_noindex_and_more"),
        ("home", "0002_editor_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, remove)]
