"""Uploads in a bucket of an S3-compatible store: the ``STORAGES["default"]`` entry that
``committee.settings`` uses when ``S3_BUCKET`` is set, built from the ``S3_*`` variables.

Read by the settings, before Django is set up: boto3 and django-storages are imported only to
check that they are installed (the ``s3`` extra), Django's file storage not at all.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


S3_BUCKET_NAME = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


def s3_storage() -> dict[str, object]:
    """The uploads' storage when ``S3_BUCKET`` names a bucket of an S3-compatible store
    (django-storages' S3Storage, the ``s3`` extra): objects private, never overwritten, reached
    only through the app's access-checked downloads (no public or long-lived URL is handed out).
    Credentials: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or neither (then boto3's own
    AWS_* variables, files or instance role)."""
    bucket = env_str("S3_BUCKET")
    if not S3_BUCKET_NAME.fullmatch(bucket):
        raise ImproperlyConfigured(
            f"S3_BUCKET must be a bucket name (3 to 63 lowercase letters, digits, dots and "
            f"hyphens), not {bucket!r}."
        )
    try:
        import boto3  # noqa: F401, PLC0415 - only checked when S3_BUCKET asks for it
        import storages  # noqa: F401, PLC0415
    except ImportError as error:
        raise ImproperlyConfigured(
            f"S3_BUCKET is set but {error.name or 'django-storages'} is not installed: install "
            "the s3 extra: pip install -c constraints.txt '.[s3]' (the image has it unless "
            "built with --build-arg EXTRAS=)."
        ) from None
    endpoint = env_str("S3_ENDPOINT_URL")
    if endpoint and (
        urlsplit(endpoint).scheme not in {"http", "https"} or not urlsplit(endpoint).netloc
    ):
        raise ImproperlyConfigured(
            f"S3_ENDPOINT_URL must be an http:// or https:// address, not {endpoint!r}."
        )
    access_key, secret_key = env_str("S3_ACCESS_KEY_ID"), env_str("S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (then "
            "boto3 finds its credentials itself: AWS_* variables, its files or an instance role)."
        )
    addressing = env_str("S3_ADDRESSING_STYLE", "path" if endpoint else "auto")
    if addressing not in {"auto", "path", "virtual"}:
        raise ImproperlyConfigured(
            f"S3_ADDRESSING_STYLE must be auto, path or virtual, not {addressing!r}."
        )
    options: dict[str, object] = {
        "bucket_name": bucket,
        "location": env_str("S3_PREFIX").strip("/"),
        "default_acl": None,  # the bucket's own policy: private unless the bucket says otherwise
        "querystring_auth": True,  # any URL made is signed and short-lived, never public
        "querystring_expire": 300,
        "file_overwrite": False,  # a name taken gets another, as on the filesystem
        "addressing_style": addressing,
    }
    if endpoint:
        options["endpoint_url"] = endpoint
    if env_str("S3_REGION"):
        options["region_name"] = env_str("S3_REGION")
    if access_key:
        options["access_key"], options["secret_key"] = access_key, secret_key
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
