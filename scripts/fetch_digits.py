"""Make nntui/core/datasets/data/digits.npz, the handwritten digits nntui ships, once.

The images are UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin,
C. Kaynak, 1998; licence CC BY 4.0): 1,797 pictures of 8 x 8 pixels, each pixel
the ink of a 4 x 4 block as a whole number 0 to 16, and the digit drawn. A copy
ships inside scikit-learn's wheel as ``sklearn/datasets/data/digits.csv.gz``
(one row per image: its 64 pixels row by row, then the digit). This script
takes that file from the wheel (``pip download --no-deps scikit-learn`` into a
temporary folder, or ``--wheel`` an already downloaded one), checks it is the
file the shipped data was made from, and writes it as an ``.npz`` file:

* ``images``: uint8, shape (1797, 8, 8), ink 0 to 16, ``images[n, row, column]``;
* ``labels``: uint8, shape (1797,), the digit 0 to 9 of each image.

Why ``.npz`` and not the CSV itself: 44.7 KB instead of 57.5 KB, read by
``numpy.load`` with no text to parse, and self-describing (shapes and types
inside). It is written byte for byte the same on every run (the zip entries
carry a fixed date), so running the script again changes nothing in git.
nntui needs no scikit-learn at run time: only this file.

    python scripts/fetch_digits.py             # downloads the wheel (about 9 MB)
    python scripts/fetch_digits.py --wheel scikit_learn-1.9.1-...whl
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

MEMBER = "sklearn/datasets/data/digits.csv.gz"
# The SHA-256 of the CSV text inside MEMBER (scikit-learn 1.9.1; unchanged for years):
# the data nntui ships was made from exactly this.
CSV_SHA256 = "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"
IMAGES, ROWS, COLUMNS = 1797, 8, 8
OUTPUT = Path(__file__).resolve().parents[1] / "nntui" / "core" / "datasets" / "data" / "digits.npz"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry holds: the same bytes on every run


def download_wheel(folder: Path) -> Path:
    """scikit-learn's wheel for this Python, from the package registry, into ``folder``."""
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    subprocess.run([*pip, "-d", str(folder), "scikit-learn"], check=True)
    wheels = sorted(folder.glob("scikit_learn-*.whl"))
    if not wheels:
        sys.exit(f"no scikit-learn wheel in {folder}")
    return wheels[0]


def read_csv(wheel: Path) -> str:
    """The text of the digits CSV inside ``wheel``, checked against CSV_SHA256."""
    with zipfile.ZipFile(wheel) as archive:
        text = gzip.decompress(archive.read(MEMBER)).decode("ascii")
    digest = hashlib.sha256(text.encode("ascii")).hexdigest()
    if digest != CSV_SHA256:
        sys.exit(f"{MEMBER} in {wheel.name} is not the expected file (SHA-256 {digest}); check it before shipping it")
    return text


def arrays(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The images (n, 8, 8) and labels (n,) of the CSV text, both uint8, checked."""
    table = np.loadtxt(io.StringIO(text), delimiter=",", dtype=np.int64)
    if table.shape != (IMAGES, ROWS * COLUMNS + 1):
        sys.exit(f"expected {IMAGES} rows of {ROWS * COLUMNS + 1} numbers, found shape {table.shape}")
    pixels, labels = table[:, :-1], table[:, -1]
    if pixels.min() < 0 or pixels.max() > 16 or labels.min() < 0 or labels.max() > 9:
        sys.exit("a pixel outside 0..16 or a label outside 0..9")
    return pixels.reshape(IMAGES, ROWS, COLUMNS).astype(np.uint8), labels.astype(np.uint8)


def npz_bytes(images: np.ndarray, labels: np.ndarray) -> bytes:
    """An .npz file of ``images`` and ``labels`` (as numpy.savez_compressed writes, with fixed dates)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, array in (("images", images), ("labels", labels)):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue(), compresslevel=9)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="a scikit-learn wheel already downloaded (default: download one)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"where to write (default: {OUTPUT})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or download_wheel(Path(folder))
        text = read_csv(wheel)
    images, labels = arrays(text)
    data = npz_bytes(images, labels)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"{args.output}: {len(data):,} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}")
    print(f"{IMAGES} images, per digit: {np.bincount(labels, minlength=10).tolist()}")


if __name__ == "__main__":
    main()
