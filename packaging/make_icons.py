"""Render the app icon from its one source, ``resources/icons/kopsavilkums.svg``.

Writes ``kopsavilkums-<N>.png`` for the usual sizes (Linux hicolor theme, window icon),
``kopsavilkums.ico`` (Windows: executable, installer, file type) and ``kopsavilkums.icns``
(macOS bundle); and ``calendar-<N>.png`` from ``calendar.svg`` (the date fields' button). The outputs are committed, so a build needs no renderer; run this again after
changing the SVG:

    python packaging/make_icons.py

Only Qt's SVG renderer is used; the ``.ico`` and ``.icns`` containers are simple enough to
write by hand, which saves a dependency.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "kopsavilkums.svg"
CALENDAR = ICONS / "calendar.svg"
CALENDAR_SIZES = (16, 24, 32, 48)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Windows draws the small sizes from classic bitmaps most reliably; larger ones are PNG (Vista+),
# which keeps the file small.
ICO_PNG_FROM = 64
# Apple's icon element types (all PNG-compressed, supported since macOS 10.7), by pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"ic11", 32),
    (b"icp5", 32),
    (b"ic12", 64),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render(renderer, size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image) -> bytes:
    """A 32-bit BGRA device-independent bitmap as an .ico entry: header, bottom-up pixels, AND mask."""
    size = image.width()
    # Format_ARGB32 is stored as BGRA bytes on little-endian machines, which is what a DIB holds.
    from PySide6.QtCore import Qt

    flipped = image.flipped(Qt.Orientation.Vertical) if hasattr(image, "flipped") else image.mirrored(False, True)
    if sys.byteorder != "little":  # pragma: no cover - every platform we ship for is little-endian
        raise SystemExit("make_icons.py writes .ico bitmaps on little-endian machines only")
    pixels = b"".join(bytes(flipped.constScanLine(y))[: size * 4] for y in range(size))
    mask_row = ((size + 31) // 32) * 4  # all zero: the alpha channel alone decides transparency
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels), 0, 0, 0, 0)
    return header + pixels + bytes(mask_row * size)


def ico_bytes(entries: list[tuple[int, bytes]]) -> bytes:
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    blobs = b""
    for size, blob in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return directory + blobs


def icns_bytes(entries: list[tuple[bytes, bytes]]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(blob)) + blob for kind, blob in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")

    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(renderer, size) for size in sizes}
    pngs = {size: png_bytes(image) for size, image in images.items()}

    for size in PNG_SIZES:
        (ICONS / f"kopsavilkums-{size}.png").write_bytes(pngs[size])
    ico = [(s, pngs[s] if s >= ICO_PNG_FROM else dib_bytes(images[s])) for s in ICO_SIZES]
    (ICONS / "kopsavilkums.ico").write_bytes(ico_bytes(ico))
    (ICONS / "kopsavilkums.icns").write_bytes(icns_bytes([(kind, pngs[s]) for kind, s in ICNS_TYPES]))
    print(f"wrote {len(PNG_SIZES)} PNGs, kopsavilkums.ico and kopsavilkums.icns to {ICONS}")

    # The date fields' button, as PNGs: an SVG icon would load Qt's SVG plugin at start-up.
    calendar = QSvgRenderer(str(CALENDAR))
    if not calendar.isValid():
        raise SystemExit(f"{CALENDAR}: not a valid SVG")
    for size in CALENDAR_SIZES:
        (ICONS / f"calendar-{size}.png").write_bytes(png_bytes(render(calendar, size)))
    print(f"wrote {len(CALENDAR_SIZES)} calendar PNGs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
