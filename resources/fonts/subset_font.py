"""Make resources/fonts/NotoSansSC-Regular-GB2312.otf (run by hand when the font changes).

    apt-get install fonts-noto-cjk && pip install fonttools
    python resources/fonts/subset_font.py

Takes the Simplified Chinese face out of Debian's Noto Sans CJK collection
and keeps Latin, common punctuation and the whole of GB 2312 (6,763 hanzi
plus its symbols), so names and notes that supervisors type render on a
machine without a Chinese font. The font is under the SIL Open Font License
(OFL.txt beside it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = Path(__file__).with_name("NotoSansSC-Regular-GB2312.otf")


def gb2312_characters() -> set[int]:
    chars = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([first, second]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def wanted() -> set[int]:
    latin = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    punctuation = set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    arrows_and_shapes = set(range(0x2190, 0x2200)) | set(range(0x25A0, 0x2600))
    return latin | punctuation | arrows_and_shapes | gb2312_characters()


def main() -> int:
    collection = TTCollection(str(SOURCE))
    face = next(f for f in collection.fonts if "SC" in f["name"].getDebugName(1))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # CFF hints add size and Qt renders well without them
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(face)
    face.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.1f} MB, {len(face.getBestCmap())} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
