"""Load-balancer probes: /healthz (the process answers) and /readyz (it can do its work)."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness: no database, no cache; also the benchmark's ceiling (a trivial Django view)."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """Readiness: the database answers and the cache can be written and read."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:
        logger.exception("Readiness: database unavailable")
        checks["database"] = "unavailable"
    try:
        cache.set("readyz", "1", timeout=10)
        checks["cache"] = "ok" if cache.get("readyz") == "1" else "unavailable"
    except Exception:
        logger.exception("Readiness: cache unavailable")
        checks["cache"] = "unavailable"
    ready = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if ready else "unavailable", **checks})
    response.status_code = 200 if ready else 503
    response["Cache-Control"] = "no-store"
    return response
