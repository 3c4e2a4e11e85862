"""Headless Chromium on a local page with the network shut off, and PNG reading and writing
without an imaging library: shared by test/python/test_report.py (which checks that the
readiness report draws) and `make report-screenshot` (docs/images/report.png).

    python scripts/chromium_page.py screenshot PAGE.html OUT.png [--width 1200] [--max-height 2400]

takes a screenshot of PAGE.html at that width, cropped to the content's height (a longer page
is cut at a break between sections).
"""
from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# Every host name fails to resolve and every connection goes to a closed loopback port, so
# a page that tried to load anything would load nothing.
NO_NETWORK = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def run_chromium(page: Path, *flags: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Runs headless Chromium on file://PAGE with FLAGS (its own throwaway profile)."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--no-first-run", "--disable-extensions", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--mute-audio",
                   f"--user-data-dir={profile}", *NO_NETWORK, *flags, Path(page).resolve().as_uri()]
        env = dict(os.environ, HOME=profile)
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env,
                              stdin=subprocess.DEVNULL)


def dump_dom(page: Path) -> str:
    """The page's DOM after loading, as Chromium serialises it."""
    proc = run_chromium(page, "--dump-dom")
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium --dump-dom failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def screenshot(page: Path, out: Path, width: int, height: int) -> None:
    """A WIDTHxHEIGHT screenshot of the page's top into OUT (PNG)."""
    out = Path(out).resolve()
    out.unlink(missing_ok=True)
    proc = run_chromium(page, f"--screenshot={out}", f"--window-size={width},{height}")
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"chromium --screenshot failed ({proc.returncode}): {proc.stderr[-2000:]}")


# --- PNG -----------------------------------------------------------------------------------

def read_png(path: Path) -> np.ndarray:
    """An 8-bit RGB or RGBA PNG (what Chromium writes) as an array of shape (height, width, channels)."""
    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, color, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read (IHDR {header})")
    raw = np.frombuffer(zlib.decompress(b"".join(idat)), dtype=np.uint8)
    stride = width * channels
    raw = raw.reshape(height, stride + 1)
    image = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        kind, line = raw[y, 0], raw[y, 1:]
        if kind == 0:
            row = line.copy()
        elif kind == 1:  # Sub: a running sum per channel
            row = (np.cumsum(line.reshape(width, channels), axis=0, dtype=np.uint64) % 256).astype(np.uint8).reshape(stride)
        elif kind == 2:  # Up
            row = line + previous
        elif kind in (3, 4):  # Average, Paeth: each byte needs the one before it
            row = _unfilter_sequential(kind, line.tolist(), previous.tolist(), channels)
        else:
            raise ValueError(f"{path}: bad filter type {kind} on row {y}")
        image[y] = row
        previous = image[y]
    return image.reshape(height, width, channels)


def _unfilter_sequential(kind: int, line: list, up: list, bpp: int) -> np.ndarray:
    out = [0] * len(line)
    for i, x in enumerate(line):
        a = out[i - bpp] if i >= bpp else 0
        b = up[i]
        if kind == 3:
            out[i] = (x + ((a + b) >> 1)) & 0xFF
            continue
        c = up[i - bpp] if i >= bpp else 0
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        out[i] = (x + predictor) & 0xFF
    return np.array(out, dtype=np.uint8)


def write_png(path: Path, image: np.ndarray) -> None:
    """Writes an (height, width, 3 or 4) uint8 array as a PNG, each row filtered with None,
    Sub or Up, whichever leaves the smallest residues (libpng's heuristic, without Paeth)."""
    height, width, channels = image.shape
    rows = image.reshape(height, width * channels)
    up = np.vstack([rows[:1], rows[1:] - rows[:-1]])
    up[0] = rows[0]
    sub = rows.copy()
    sub[:, channels:] = rows[:, channels:] - rows[:, :-channels]
    candidates = np.stack([rows, sub, up])  # filter types 0, 1, 2
    cost = np.minimum(candidates, 256 - candidates.astype(np.int32)).sum(axis=2)
    best = np.argmin(cost, axis=0)
    filtered = np.empty((height, width * channels + 1), dtype=np.uint8)
    filtered[:, 0] = best
    filtered[:, 1:] = candidates[best, np.arange(height)]

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, {3: 2, 4: 6}[channels], 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                           + chunk(b"IDAT", zlib.compress(filtered.tobytes(), 9)) + chunk(b"IEND", b""))


def content_height(image: np.ndarray, limit: int | None = None, gap: int = 24) -> int:
    """Rows down to the last one that differs from the background (the bottom-right pixel);
    past `limit`, down to the last gap of `gap` blank rows above it (a break between sections)."""
    background = image[-1, -1]
    differs = np.any(image != background, axis=(1, 2))
    rows = np.nonzero(differs)[0]
    height = int(rows[-1]) + 1 if len(rows) else 0
    if limit is None or height <= limit:
        return height
    blank = 0
    for y in range(limit - 1, 0, -1):
        blank = 0 if differs[y] else blank + 1
        if blank >= gap:
            return y
    return limit


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    shot = sub.add_parser("screenshot", help="a screenshot cropped to the content")
    shot.add_argument("page", type=Path)
    shot.add_argument("out", type=Path)
    shot.add_argument("--width", type=int, default=1200)
    shot.add_argument("--max-height", type=int, default=2400,
                      help="a longer page is cut at the last break between sections above this")
    shot.add_argument("--margin", type=int, default=16, help="background kept below the content")
    args = parser.parse_args(argv)
    if not chromium_available():
        print(f"chromium_page.py: no Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.png"
        screenshot(args.page, full, args.width, args.max_height * 3)
        image = read_png(full)
    height = min(image.shape[0], content_height(image, args.max_height) + args.margin)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_png(args.out, image[:height, :, :3])
    print(f"{args.out}: {args.width}x{height}, {args.out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
