"""Kopsavilkums: the summary of a delegated public administration task, for Latvian NGOs.

The core (model, formats, validation, exchange, store, printing, cli) never imports Qt;
``kopsavilkums.ui`` is the only package that does.
"""

try:
    # Written by the build (pyproject: tool.hatch.build.hooks.version) from [project].version.
    from kopsavilkums._version import __version__
except ImportError:  # pragma: no cover - a source tree that was never installed
    from importlib import metadata as _metadata

    try:
        __version__ = _metadata.version("kopsavilkums")
    except _metadata.PackageNotFoundError:
        __version__ = "0.0.0+source"

APP_NAME = "Kopsavilkums"
