# syntax=docker/dockerfile:1
# SkillUp web / Celery image: the runtime lock only (requirements.lock, hash-checked), static files
# collected at build time, a non-root user. docker-compose.yml runs web, worker and beat from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    UV_NO_CACHE=1 \
    DJANGO_SETTINGS_MODULE=skillup.settings.production

WORKDIR /app

# uv pinned like the Makefile. It lives in its own throwaway venv: `uv pip sync --system` makes the
# system environment hold exactly the lock (removing what the base image added, pip included),
# which would take uv with it.
ARG UV_VERSION=0.13.9
COPY requirements.lock ./
RUN python -m venv /opt/uv \
    && /opt/uv/bin/pip install --quiet "uv==${UV_VERSION}" \
    && /opt/uv/bin/uv pip sync --system --python /usr/local/bin/python --require-hashes requirements.lock \
    && rm -rf /opt/uv

RUN groupadd --system --gid 10001 skillup \
    && useradd --system --uid 10001 --gid skillup --home-dir /home/skillup --create-home \
       --shell /usr/sbin/nologin skillup

COPY . .

# Static files into /app/staticfiles (whitenoise's compressed manifest storage). The key and host
# exist for this command only; the real ones come from the environment at run time.
RUN SECRET_KEY=collectstatic-only-build-time-placeholder-never-used-at-run-time-0123456789 \
    ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput --verbosity 1 \
    && mkdir -p /app/media \
    && chown skillup:skillup /app/media

USER skillup:skillup
EXPOSE 8000

# gthread: a slow request (a log-in's password hash) does not hold the worker's other requests;
# measured in benchmarks/load.py on a 2-core machine with 2 workers x 4 threads (50 req/s mix:
# pages p95 47 ms). The image runs 3 workers; set more for more cores (about 2 per core).
CMD ["gunicorn", "skillup.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--worker-class", "gthread", "--threads", "4", \
     "--access-logfile", "-", "--error-logfile", "-"]
