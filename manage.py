#!/usr/bin/env python
"""Django's command-line utility for committee."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "committee.settings")
    import django  # noqa: PLC0415
    from django.core.exceptions import ImproperlyConfigured  # noqa: PLC0415
    from django.core.management import execute_from_command_line  # noqa: PLC0415

    try:
        django.setup()
    except ImproperlyConfigured as error:
        sys.stderr.write(f"committee: configuration error: {error}\n")
        sys.exit(2)

    from committee.audit import command_context  # noqa: PLC0415

    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    try:
        if command in {"runserver", "test"}:
            execute_from_command_line(sys.argv)
        else:
            with command_context(command):
                execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        sys.stderr.write(f"committee: configuration error: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
