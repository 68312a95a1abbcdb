"""The project's settings, as the test suite runs them: production-like (DEBUG off)."""

import os

# Production-like even in a checkout whose .env (written by bin/start) says DEBUG=true.
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-suite-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# The suite runs production-like settings on the embedded server unless DATABASE_URL is set.
os.environ.setdefault("ALLOW_EMBEDDED_POSTGRES", "true")

from committee.settings import *  # noqa: F403
from committee.settings import INSTALLED_APPS, PASSWORD_HASHERS, STORAGES

# The demo data's command is a development tool; the suite tests it.
INSTALLED_APPS = [*INSTALLED_APPS, "committee.demo"]

# The manifest needs collectstatic; the suite serves static files from their sources.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Argon2 is slow by design (about 50 ms a hash, and every factory account is hashed): the suite
# hashes with MD5. Production keeps Argon2 first; tests/people/test_passwords.py and
# tests/test_checks.py check the production list with ``override_settings``. The check that
# Argon2 comes first (committee.E010) is silenced for the commands the suite runs in another
# process with these settings (manage_process); the check itself is tested directly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
SILENCED_SYSTEM_CHECKS = ["committee.E010"]
