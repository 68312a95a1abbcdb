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
RUN pip install --no-cache-dir -c constraints.txt .
COPY . .
RUN DEBUG=true python manage.py compilemessages --ignore .venv \
 && DEBUG=true python manage.py collectstatic --noinput --verbosity 0 \
 && mkdir -p /app/var/media && chown -R committee /app/var

USER committee
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py import_seeds && exec gunicorn committee.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
