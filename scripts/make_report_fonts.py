"""Make the reports' light Korean faces from NanumGothic: `python scripts/make_report_fonts.py`.

A report embeds the glyphs it uses; fontTools finds them by reading the whole font's
character map, glyph table and metrics, and for NanumGothic (20,138 glyphs, 4.6 MB) that
reading was most of the time of a printed report. The light faces keep what Korean
office text uses: the 2,350 Hangul syllables of KS X 1001, Latin, the symbols, Hangul
jamo and punctuation of the original (3,950-odd glyphs) — not the 8,822 syllables
outside KS X 1001 (똠, 햏, ...) nor the 4,888 Hanja. Reports fall back to the full
NanumGothic for those (`desktop/reports/layout.py`), so nothing prints as a box.

The SIL Open Font License lets a modified version be shipped under the same licence
if it does not use the Reserved Font Names ("Nanum", "NanumGothic", ...): the light
faces are called "Beacon Report Gothic", keep NAVER's copyright notice and name the
OFL as their licence. Same input, same output (no timestamps are recomputed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "desktop" / "resources" / "fonts"
FACES = {"NanumGothic.ttf": ("BeaconReportGothic-KS.ttf", "Regular"),
         "NanumGothicBold.ttf": ("BeaconReportGothic-KS-Bold.ttf", "Bold")}
FAMILY = "Beacon Report Gothic"
POSTSCRIPT = "BeaconReportGothic"
LICENSE = ("This Font Software is licensed under the SIL Open Font License, Version 1.1. "
           "Modified from NanumGothic (Copyright (c) 2010, NAVER Corporation, with Reserved Font Name Nanum, "
           "NanumGothic, ...): a subset for Beacon's reports, renamed as the licence requires.")
LICENSE_URL = "https://openfontlicense.org"


def is_hanja(cp: int) -> bool:
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFF


def in_ks_x_1001(cp: int) -> bool:
    try:
        # one two-byte code; Python's codec spells the other syllables as eight-byte jamo sequences
        return len(chr(cp).encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def kept(cp: int) -> bool:
    """The light face's characters: everything of the original but rare syllables and Hanja."""
    if 0xAC00 <= cp <= 0xD7A3:
        return in_ks_x_1001(cp)
    return not is_hanja(cp)


def rename(font: TTFont, style: str) -> None:
    """New names only (OFL: no Reserved Font Name in a modified version); the copyright stays."""
    table = font["name"]
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    ps = POSTSCRIPT if style == "Regular" else f"{POSTSCRIPT}-{style}"
    copyright_ = table.getDebugName(0)
    version = table.getDebugName(5)
    table.names = []
    for name_id, text in ((0, copyright_), (1, FAMILY), (2, style), (3, f"{ps};3.021;Beacon"),
                          (4, full), (5, version), (6, ps), (13, LICENSE), (14, LICENSE_URL)):
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)


def make(source: Path, target: Path, style: str) -> int:
    font = TTFont(str(source), recalcTimestamp=False)
    codepoints = [cp for cp in font.getBestCmap() if kept(cp)]
    options = subset.Options(notdef_outline=True, recommended_glyphs=True, name_IDs=["*"], name_languages=["*"],
                             layout_features=["*"], hinting=False, glyph_names=True)
    # VTT's hinting sources are of no use in a shipped font
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    rename(font, style)
    font.save(str(target))
    return len(codepoints)


def main() -> int:
    for source, (target, style) in FACES.items():
        count = make(FONTS / source, FONTS / target, style)
        print(f"{target}: {count} characters, {(FONTS / target).stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
