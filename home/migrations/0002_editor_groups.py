"""Give the Editors and Moderators groups (created by Wagtail) the permissions our models need.

Editors write and revise pages and manage people and categories; Moderators also publish
(Wagtail's own page permissions), delete snippets and change the clinic's details. Neither group
sees form submissions unless it is given them explicitly (see the contact app).
"""

from django.db import migrations

EDITOR_PERMS = [
    ("people", "person", ["add", "change", "view"]),
    ("blog", "blogcategory", ["add", "change", "view"]),
]
MODERATOR_PERMS = [
    ("people", "person", ["add", "change", "delete", "view"]),
    ("blog", "blogcategory", ["add", "change", "delete", "view"]),
    ("home", "clinicsettings", ["change", "view"]),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group_name, perms in (("Editors", EDITOR_PERMS), ("Moderators", MODERATOR_PERMS)):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(admin_access)
        for app_label, model, actions in perms:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type=content_type, codename=f"{action}_{model}"
                    )
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in (("Editors", EDITOR_PERMS), ("Moderators", MODERATOR_PERMS)):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for app_label, model, _actions in perms:
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label=app_label, content_type__model=model
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("blog", "0002_initial"),
        ("people", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
