"""The shipped icons: every size a desktop asks for, and .ico / .icns containers that hold them.

Read with plain ``struct`` (no image library), so a broken container cannot be papered over by a
lenient decoder.
"""

from __future__ import annotations

import struct

import pytest
from packaging_support import ICONS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def png_is_rgba(data: bytes) -> bool:
    """Colour type 6 (RGBA): the icon is drawn on a transparent background."""
    return data[25] == 6


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_every_hicolor_size_is_a_png_of_that_size(size):
    data = (ICONS / f"kopsavilkums-{size}.png").read_bytes()
    assert png_size(data) == (size, size)
    assert png_is_rgba(data)


def test_the_scalable_icon_is_an_svg():
    text = (ICONS / "kopsavilkums.svg").read_text("utf-8")
    assert "<svg" in text and 'viewBox="0 0 256 256"' in text


def test_the_windows_icon_holds_16_to_256_pixels():
    data = (ICONS / "kopsavilkums.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for n in range(count):
        width, height, _, _, _, bits, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * n : 22 + 16 * n])
        side = width or 256
        assert height == width and bits == 32
        blob = data[offset : offset + length]
        assert len(blob) == length, "entry runs past the end of the file"
        if blob[:8] == PNG_SIGNATURE:
            assert png_size(blob) == (side, side)
        else:  # a bitmap: its header says the same size (height doubled for the mask)
            assert struct.unpack("<Iii", blob[:12]) == (40, side, 2 * side)
        sizes.append(side)
    assert {16, 32, 48, 256} <= set(sizes)


def test_the_macos_icon_holds_every_retina_size():
    data = (ICONS / "kopsavilkums.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = png_size(data[at + 8 : at + length])
        at += length
    # 16…512 at 1x and 2x: what Finder and the Dock draw.
    assert found[b"icp4"] == (16, 16) and found[b"ic11"] == (32, 32)
    assert found[b"ic07"] == (128, 128) and found[b"ic13"] == (256, 256)
    assert found[b"ic09"] == (512, 512) and found[b"ic10"] == (1024, 1024)


@pytest.mark.parametrize("size", [16, 24, 32, 48])
def test_the_date_fields_calendar_button_has_a_png_of_each_size(size):
    data = (ICONS / f"calendar-{size}.png").read_bytes()
    assert png_size(data) == (size, size)
    assert png_is_rgba(data)
