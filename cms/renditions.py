"""Make image renditions when a page is published, not on a visitor's first view.

The renditions a page needs are defined by its templates (and by the listings that show it as a
card), so the surest way to make exactly those is to render them: the published page, its
parent (a listing) and the site's home page, as an anonymous visitor would see them.
"""

import logging

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

logger = logging.getLogger(__name__)


def render_anonymously(page) -> None:
    from wagtail.models import Site

    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    from django.conf import settings

    allowed = [h for h in settings.ALLOWED_HOSTS if h and not h.startswith((".", "*"))]
    host = site.hostname if site.hostname in allowed or not allowed else allowed[0]
    request = RequestFactory().get(page.get_url() or "/", HTTP_HOST=host)
    request.user = AnonymousUser()
    request.session = {}
    request.is_preview = False
    response = page.specific.serve(request)
    if hasattr(response, "render"):
        response.render()


def warm_renditions(sender=None, instance=None, **kwargs) -> None:
    page = instance
    targets = [page]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        targets.append(parent)
    site = page.get_site()
    if site is not None and site.root_page_id not in {p.pk for p in targets}:
        targets.append(site.root_page)
    for target in targets:
        try:
            render_anonymously(target.specific)
        except Exception:
            # Publishing must never fail because a preview render did; visitors then make the
            # rendition on first view, as before.
            logger.warning("Could not pre-render %s for renditions", target, exc_info=True)
