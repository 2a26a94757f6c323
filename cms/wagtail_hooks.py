"""Which requests the page cache (wagtail-cache) leaves alone, besides editors and previews."""

from django.urls import reverse

from wagtail import hooks


@hooks.register("is_request_cacheable")
def searches_and_probes_bypass_the_page_cache(request, is_cacheable):
    """Every search reaches the view, so the marketing team's search-term counts are complete
    (a cached answer would not be counted; results are one indexed query). The load balancer's
    probes report on this process, not on a stored answer, and cost no cache round trip."""
    path = request.path_info
    if path.startswith((reverse("search"), reverse("healthz"), reverse("readyz"))):
        return False
    return is_cacheable
