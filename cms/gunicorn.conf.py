"""gunicorn settings for production: `gunicorn -c cms/gunicorn.conf.py cms.wsgi`."""

import multiprocessing
import os

# This file runs production: never fall back to the development settings (cms/wsgi.py's default).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Longer than the database statement timeout, so a slow query fails before the worker is killed.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Load Django once in the master and fork: a recycled worker is ready at once.
preload_app = True
# Recycle workers now and then, against slow leaks (cheap with preload_app).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "cms.wsgi:application"
