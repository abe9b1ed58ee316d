#!/usr/bin/env python3
"""Draws the app's icons (an antibody 'Y' with two differently coloured arms: PD-1 and VEGF)
as PNG files, with nothing but the standard library. Run once; the PNGs are committed.

    python3 scripts/make_icons.py static/icons
"""
import math
import struct
import sys
import zlib
from pathlib import Path

BLUE = (11, 87, 164)
WHITE = (255, 255, 255)
ORANGE = (230, 159, 0)   # Okabe-Ito orange
SKY = (86, 180, 233)     # Okabe-Ito sky blue


def png(width, height, pixel):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def icon(size, maskable):
    # Maskable icons keep the drawing inside the central 80 % safe zone on a full background.
    scale = 0.62 if maskable else 0.78
    radius = 0 if maskable else size * 0.18

    def inside_rounded_square(x, y):
        if radius == 0:
            return True
        cx = min(max(x, radius), size - radius)
        cy = min(max(y, radius), size - radius)
        return math.hypot(x - cx, y - cy) <= radius

    s = size * scale
    ox, oy = (size - s) / 2, (size - s) / 2
    stem = ((0.5, 0.95), (0.5, 0.52))
    left = ((0.5, 0.52), (0.16, 0.12))
    right = ((0.5, 0.52), (0.84, 0.12))
    width = 0.085 * s

    def seg(p, x, y):
        (ax, ay), (bx, by) = p
        return distance_to_segment(x, y, ox + ax * s, oy + ay * s, ox + bx * s, oy + by * s)

    def pixel(x, y):
        x, y = x + 0.5, y + 0.5
        if not inside_rounded_square(x, y):
            return (0, 0, 0, 0)
        if seg(left, x, y) <= width:
            return SKY + (255,)
        if seg(right, x, y) <= width:
            return ORANGE + (255,)
        if seg(stem, x, y) <= width:
            return WHITE + (255,)
        return BLUE + (255,)

    return png(size, size, pixel)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "static/icons")
    out.mkdir(parents=True, exist_ok=True)
    (out / "icon-192.png").write_bytes(icon(192, False))
    (out / "icon-512.png").write_bytes(icon(512, False))
    (out / "maskable-512.png").write_bytes(icon(512, True))
    (out / "favicon-32.png").write_bytes(icon(32, False))
