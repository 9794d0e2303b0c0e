"""User and file text in widgets is data, never markup.

Qt guesses: a label, message box or tool tip whose text *looks like* HTML is drawn as rich text
(``Qt.AutoText``) — a file's title could draw a green "All checked" heading, a link that opens a
web page, or an ``<!--`` that hides everything after it. :func:`plain` makes every label under a
widget plain text without links; :func:`tooltip` escapes a text for a tool tip (tool tips have no
text-format setting, so they are given escaped rich text instead).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain(widget: QWidget) -> QWidget:
    """Every label in ``widget`` (itself included) plain text, with no link that opens."""
    labels = widget.findChildren(QLabel)
    if isinstance(widget, QLabel):
        labels.append(widget)
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setOpenExternalLinks(False)
    return widget


def tooltip(text: str) -> str:
    """``text`` as a tool tip shows it: escaped, line breaks and spaces kept."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""
