"""Keep the search index true when a snippet an article is found by changes.

Articles are indexed with their topics' names and their author's name (``BlogPage.
search_fields``), but Wagtail re-indexes an article only when the article is saved: renaming a
topic or a person would leave their articles findable by the old name only. So the live
articles that show them are indexed again when one is saved.
"""

from django.db.models.signals import post_save

from wagtail.search import index


def reindex_articles(sender, instance, created=False, **kwargs):
    from .models import BlogCategory, BlogPage

    if created:
        return  # nothing is filed under it yet
    articles = BlogPage.objects.live()
    if isinstance(instance, BlogCategory):
        articles = articles.filter(categories=instance)
    else:
        articles = articles.filter(author=instance)
    for article in articles.iterator():
        index.insert_or_update_object(article)


def connect_signals():
    from people.models import Person

    from .models import BlogCategory

    for model in (BlogCategory, Person):
        post_save.connect(
            reindex_articles, sender=model, dispatch_uid=f"reindex-articles-{model.__name__}"
        )
