#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# The project package lives in ./site but is imported as `openly` (see pyproject.toml):
# `site` is a standard-library module name and can never be imported as our package.


def main():
    """Run administrative tasks."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openly.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
