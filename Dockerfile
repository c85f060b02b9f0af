# The app image that compose.yaml runs as both the web server and the task worker.
# Node.js 24, the Active LTS release (scripts/prerequisites.py reads the minimum sass needs).
FROM node:24-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY assets assets
RUN mkdir -p coproduce/static && npm run --silent build

FROM python:3.11-slim-bookworm
# Pango draws the text in PDF reports (WeasyPrint); pg_dump and pg_restore (PostgreSQL 15,
# as compose runs) make and restore backups.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
       postgresql-client \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml requirements.lock README.md LICENSE manage.py ./
COPY coproduce coproduce
# The tested versions from the lock; Sentry's SDK so SENTRY_DSN works without a rebuild.
RUN pip install --no-cache-dir -c requirements.lock -e '.[scale,sentry]'
# The rest of the source, so /source/ offers everything needed to rebuild this image.
COPY Makefile Dockerfile compose.yaml package.json package-lock.json ./
COPY assets assets
COPY scripts scripts
COPY --from=assets /app/coproduce/static/dist coproduce/static/dist
ENV COPRODUCE_VAR_DIR=/app/var PYTHONUNBUFFERED=1
RUN SECRET_KEY=only-for-collectstatic python manage.py collectstatic --noinput --verbosity 0 \
    && SECRET_KEY=only-for-building python manage.py compile_translations \
    && useradd --system --home-dir /app coproduce \
    && mkdir -p /app/var/private /app/var/media && chown -R coproduce /app/var
USER coproduce
EXPOSE 8000
CMD ["gunicorn", "coproduce.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4"]
