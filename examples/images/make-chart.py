#!/usr/bin/env python3
"""Draws woningbouw-per-jaar.png, the bar chart of the rich example minutes.

Only Python's standard library: the PNG is written by hand (zlib and struct), so anyone can
make the picture anew without installing anything: python3 examples/images/make-chart.py
"""
import struct
import zlib
from pathlib import Path

YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030]
HOMES = [120, 180, 240, 310, 350, 400, 420]  # homes completed per year, as in the minutes' table

WIDTH, HEIGHT = 560, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
BLUE, GREY, LIGHT, WHITE = (0x15, 0x42, 0x73), (0x59, 0x59, 0x59), (0xDD, 0xDD, 0xDD), (0xFF, 0xFF, 0xFF)

# A 3x5 pixel font for the digits of the axis labels.
DIGITS = {
    "0": ["111", "101", "101", "101", "111"], "1": ["010", "110", "010", "010", "111"],
    "2": ["111", "001", "111", "100", "111"], "3": ["111", "001", "111", "001", "111"],
    "4": ["101", "101", "111", "001", "001"], "5": ["111", "100", "111", "001", "111"],
    "6": ["111", "100", "111", "101", "111"], "7": ["111", "001", "001", "001", "001"],
    "8": ["111", "101", "111", "101", "111"], "9": ["111", "101", "111", "001", "111"],
}

pixels = [[WHITE] * WIDTH for _ in range(HEIGHT)]


def rect(x0, y0, x1, y1, colour):
    for y in range(max(0, y0), min(HEIGHT, y1)):
        for x in range(max(0, x0), min(WIDTH, x1)):
            pixels[y][x] = colour


def text(x, y, value, colour, scale=2):
    for i, char in enumerate(str(value)):
        for row, bits in enumerate(DIGITS[char]):
            for col, bit in enumerate(bits):
                if bit == "1":
                    left = x + i * 4 * scale + col * scale
                    rect(left, y + row * scale, left + scale, y + (row + 1) * scale, colour)


plot_height = HEIGHT - TOP - BOTTOM
top_value = 500
for value in range(0, top_value + 1, 100):
    y = TOP + plot_height - value * plot_height // top_value
    rect(LEFT, y, WIDTH - RIGHT, y + 1, LIGHT if value else GREY)
    label = str(value)
    text(LEFT - 8 - len(label) * 8, y - 5, label, GREY)

slot = (WIDTH - LEFT - RIGHT) // len(YEARS)
for i, (year, homes) in enumerate(zip(YEARS, HOMES)):
    x = LEFT + i * slot + slot // 5
    height = homes * plot_height // top_value
    rect(x, TOP + plot_height - height, x + slot * 3 // 5, TOP + plot_height, BLUE)
    text(x + (slot * 3 // 5 - 30) // 2, TOP + plot_height + 12, year, GREY)

raw = b"".join(b"\x00" + bytes(c for pixel in row for c in pixel) for row in pixels)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw, 9))
       + chunk(b"IEND", b""))
(Path(__file__).parent / "woningbouw-per-jaar.png").write_bytes(png)
