"""The "Front desk" group: the only non-superusers who may read, export, release and resend
enquiries. Editors and moderators do not get these permissions."""

from django.db import migrations

PERMISSIONS = ["view_enquiry", "change_enquiry"]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Front desk")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="contact", codename__in=PERMISSIONS),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Front desk").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0002_enquiries"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
