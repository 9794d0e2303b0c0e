"""Icons from ``resources/icons``, as sets of PNGs of several sizes.

PNGs, not the SVG sources: Qt reads PNG itself, while an SVG icon loads the Qt SVG plugin and
library when first drawn, which would fall into start-up (the SVGs are the sources that
``packaging/make_icons.py`` renders the PNGs from).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from kopsavilkums.resources import resource_path


def png_icon(stem: str, sizes: tuple[int, ...]) -> QIcon:
    """``<stem>-<size>.png`` for each size that exists; Qt picks or scales the nearest."""
    icon = QIcon()
    for size in sizes:
        path = resource_path("icons", f"{stem}-{size}.png")
        if path.exists():
            icon.addFile(str(path), QSize(size, size))  # the size given: no file read until drawn
    return icon


@cache
def app_icon() -> QIcon:
    return png_icon("kopsavilkums", (16, 24, 32, 48, 64, 128, 256, 512))


@cache
def calendar_icon() -> QIcon:
    return png_icon("calendar", (16, 24, 32, 48))
