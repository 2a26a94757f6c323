from django.apps import AppConfig, apps
from django.db.models.signals import post_save


class SeoConfig(AppConfig):
    name = "seo"
    verbose_name = "Search engines and content review"

    def ready(self):
        from .workflows import assign_to_new_blog_index

        post_save.connect(
            assign_to_new_blog_index,
            sender=apps.get_model("blog", "BlogIndexPage"),
            dispatch_uid="medical-review-for-new-blog-index",
        )
