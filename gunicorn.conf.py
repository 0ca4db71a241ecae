"""gunicorn's configuration for production: `gunicorn -c gunicorn.conf.py cms.wsgi`.

Every value comes from the environment (README, "Deployment"): the address, the number of
worker processes and threads, the timeouts. Static files are served by WhiteNoise inside the
application, so nothing else is needed in front of it but the front cache.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# One process per core plus one by default: the application spends its time in Python (page
# rendering), not waiting for the network.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() + 1)))
# More than one thread per worker lets a worker wait on a slow client or database for others.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests (0: never), with some jitter so that they do not
# all restart at once; guards against slow memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
# GUNICORN_PRELOAD=true loads the application once in the master, then forks (faster start,
# shared memory pages); off by default so that no connection is opened before the fork.
preload_app = os.environ.get("GUNICORN_PRELOAD", "false").strip().lower() in {"1", "true", "yes"}
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind the front cache and a TLS proxy: trust their X-Forwarded-* headers (addresses, comma
# separated; "*" when the application servers are only reachable from them).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
