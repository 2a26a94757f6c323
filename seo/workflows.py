"""Assigning the "Medical review" workflow (created by migration seo 0002) to the blog."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

WORKFLOW_NAME = "Medical review"
GROUP_NAME = "Medical reviewers"
PAGE_PERMISSIONS = ["change_page", "publish_page"]


def assign_medical_review(blog_index) -> bool:
    """Make the blog index (and so every article) use the Medical review workflow; returns
    False if the workflow does not exist (someone deleted it in the admin)."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return False
    WorkflowPage.objects.update_or_create(page=blog_index, defaults={"workflow": workflow})
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        # Approving publishes the article as the approver: reviewers edit and publish the blog.
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=blog_index, permission=permission
            )
    return True


def assign_to_new_blog_index(sender, instance, created=False, raw=False, **kwargs):
    """A blog index created later (in the admin, say) gets the workflow too, as the ones that
    existed when it was installed did: every article a clinic publishes is medically reviewed
    unless staff choose otherwise in Settings → Workflows."""
    if created and not raw:
        assign_medical_review(instance)
