# The committee web application: gunicorn serving Django, static files through whitenoise.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-core fonts-dejavu-core gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 committee

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY committee committee
# EXTRAS: optional parts, comma-separated; `s3` for uploads in an S3-compatible bucket
# (S3_BUCKET). The default image has it; --build-arg EXTRAS= leaves it out.
ARG EXTRAS=s3
RUN pip install --no-cache-dir -c constraints.txt ".${EXTRAS:+[$EXTRAS]}"
COPY . .
# The same build steps as bin/prodcheck runs: translations and static files, collected with the
# serving settings (DEBUG=false, so with the manifest the pages look static files up in).
RUN deploy/build \
 && mkdir -p /app/var/media /app/var/backups && chown -R committee /app/var

USER committee
EXPOSE 8000
# Migrations are not part of the start: run deploy/migrate once per release (docker-compose's
# `migrate` service), then any number of web containers.
CMD ["deploy/serve"]
