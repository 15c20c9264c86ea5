"""Make resources/fonts/NotoSansSC-{Regular,Bold}-GB2312.otf (run by hand when the font changes).

    apt-get install fonts-noto-cjk && pip install fonttools
    python resources/fonts/subset_font.py

Takes the Simplified Chinese faces (regular and bold, so headings print in
real bold rather than a doubled synthetic one) out of Debian's Noto Sans CJK collections
and keeps Latin, common punctuation and the whole of GB 2312 (6,763 hanzi
plus its symbols), so names and notes that supervisors type render on a
machine without a Chinese font. The font is under the SIL Open Font License
(OFL.txt beside it). The subset is renamed FAMILY, so it never clashes with a
system's full Noto Sans CJK SC (which has the same family name): the
application registers it and uses it by that name, on every machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCES = {  # style -> (Debian's collection, the subset shipped)
    "Regular": (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
                Path(__file__).with_name("NotoSansSC-Regular-GB2312.otf")),
    "Bold": (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
             Path(__file__).with_name("NotoSansSC-Bold-GB2312.otf")),
}
TARGET = SOURCES["Regular"][1]
FAMILY = "Handover Noto Sans SC"


def rename(face, family: str = FAMILY, style: str = "Regular") -> None:
    """Family, full and PostScript names of `face` become the subset's own (every platform and language)."""
    names = face["name"]
    postscript = family.replace(" ", "") + "-" + style
    for record in names.names:
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(f"{family} {style}" if record.nameID == 4 else f"{postscript};subset",
                          record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
    if "CFF " in face:
        cff = face["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FamilyName, top.FullName = family, f"{family} {style}"


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
    for style, (source, target) in SOURCES.items():
        make(style, source, target)
    return 0


def make(style: str, source: Path, target: Path) -> None:
    collection = TTCollection(str(source))
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
    rename(face, style=style)
    face.save(str(target))
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB, {len(face.getBestCmap())} characters")


def rename_shipped() -> None:
    """Rename the font already in resources/ (no collection needed)."""
    from fontTools.ttLib import TTFont

    for style, (_, target) in SOURCES.items():
        face = TTFont(str(target))
        rename(face, style=style)
        face.save(str(target))


if __name__ == "__main__":
    sys.exit(main())
