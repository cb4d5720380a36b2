"""The look of every Beacon report: A4 page, header band, footer, section titles, tables, text.

This module imports fpdf2, so import it only when a report is actually made
(the GUI and the CLI import it lazily). Text is wrapped here, with per-character
widths cached per font size, and drawn line by line: fpdf2's own line breaking
is quadratic in the length of a line, which made a case with a few hundred
actions take seconds. Long tables (actions, notices, work orders) go through
`grid`, which repeats its header row on every page and splits a tall row
between lines rather than cutting it.

Page breaks follow one rule for every report: a heading (`section`,
`subheading`) is held until the block under it is placed, and every block
(table, paragraph, chart, tiles) asks `ensure_space` for its first piece, so a
heading never ends a page alone; a table carries at least `KEEP_ROWS` rows with
its heading and never leaves fewer than `KEEP_ROWS` rows alone on a new page.
A report that is not final (`interim`) says so in a band on every page.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from fpdf import FPDF
from fpdf.fonts import FontFace, SubsetMap, TTFFont

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.paths import resource_path
from desktop.reports.labels import tr

# fontTools logs every table it drops while subsetting the embedded font.
logging.getLogger("fontTools").setLevel(logging.ERROR)
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

FAMILY = "BeaconGothic"
FONT_FILES = {"": "BeaconReportGothic-KS.ttf", "B": "BeaconReportGothic-KS-Bold.ttf"}
# the full faces, for the characters the light ones lack (fpdf2 finds fallback styles by key minus "B"/"I")
FALLBACK_FAMILY = "NanumGothic"
FULL_FONT_FILES = {"": "NanumGothic.ttf", "B": "NanumGothicBold.ttf"}

RGB = tuple[int, int, int]
NAVY: RGB = (27, 54, 93)
NAVY_SOFT: RGB = (84, 110, 145)
INK: RGB = (33, 37, 41)
MUTED: RGB = (108, 117, 125)
RULE: RGB = (189, 197, 207)
HEAD_FILL: RGB = (226, 232, 240)
LABEL_FILL: RGB = (242, 245, 249)
ZEBRA: RGB = (248, 250, 252)
WHITE: RGB = (255, 255, 255)
RED: RGB = (198, 40, 40)
GREEN: RGB = (46, 125, 50)
AMBER: RGB = (230, 140, 0)

MARGIN = 15.0
CONTENT_TOP_FIRST = 30.0
CONTENT_TOP = 19.0
BOTTOM = 16.0
BODY_PT = 9.0
TABLE_PT = 8.2
SMALL_PT = 7.2
PT_MM = 25.4 / 72
INTERIM_H = 5.2  # the "interim report" band under the header band
INTERIM_FILL: RGB = (253, 236, 234)
KEEP_ROWS = 3  # rows a table keeps with its heading and with its end
KEEP_MAX = 60.0  # mm: rows taller than this together are split between lines instead of moved whole
SECTION_H = 10.5
SECTION_GAP = 4.0
SUBHEADING_H = 8.1


def hex_rgb(value: str, default: RGB = (136, 136, 136)) -> RGB:
    """'#d32f2f' → (211, 47, 47); anything unreadable gives `default`."""
    text = (value or "").strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    try:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except (ValueError, IndexError):
        return default


def readable_on(fill: RGB) -> RGB:
    """White or dark text, whichever reads better on `fill`."""
    r, g, b = fill
    return INK if (0.299 * r + 0.587 * g + 0.114 * b) > 160 else WHITE


# --- fonts -------------------------------------------------------------------------------

_font_lock = threading.Lock()
_font_templates: dict[str, _FaceTemplate] = {}
_uncovered: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _FaceTemplate:
    """A face parsed once per process: fpdf2's metrics, and the tables fontTools would decode per document."""

    font: TTFFont
    glyph_order: list[str]
    cmaps: tuple[tuple[int, int, int, int, dict[int, str]], ...] | None  # None: left to fontTools (format 14)
    metrics: dict[str, tuple[int, int]]


def _font_path(name: str) -> Path:
    path = resource_path("fonts", name)
    if not path.is_file():
        raise BeaconError("report.font_missing", path=str(path))
    return path


def add_korean_fonts(pdf: FPDF) -> None:
    """Embed the reports' light Korean faces (regular and bold) in `pdf`.

    Embedding subsets the font in every document, and fontTools reads the whole
    character map, glyph table and metrics of the face to do it: for the full
    NanumGothic (20,138 glyphs) that was most of a report's time. The light faces
    (`scripts/make_report_fonts.py`) hold KS X 1001's 2,350 syllables, Latin and
    the symbols, a fifth of the glyphs; `ReportPdf` adds the full face as a fallback
    the first time a text needs a character they lack (똠, 햏, Hanja), so nothing
    prints as a box and a document that needs none never carries it.

    Parsing a face's metrics is kept for the life of the process and each new
    document gets a copy with its own font file handle (fpdf2 subsets that handle
    in place when it writes the PDF). If fpdf2's internals ever differ from what
    this expects, it falls back to a plain `add_font`.
    """
    _add_faces(pdf, FAMILY, FONT_FILES)


def add_full_korean_fonts(pdf: FPDF) -> None:
    """Embed the full NanumGothic faces as the fallback for characters the light faces lack."""
    _add_faces(pdf, FALLBACK_FAMILY, FULL_FONT_FILES)
    pdf.set_fallback_fonts([FALLBACK_FAMILY])


def _add_faces(pdf: FPDF, family: str, files: Mapping[str, str]) -> None:
    for style, name in files.items():
        path = _font_path(name)
        key = f"{family.lower()}{style}"
        try:
            _add_cached_font(pdf, family, key, style, path)
        except (AttributeError, TypeError, KeyError):  # fpdf2 changed shape: do it the slow, plain way
            pdf.fonts.pop(key, None)
            pdf.add_font(family, style, str(path))


def uncovered_characters() -> re.Pattern[str]:
    """A pattern that finds the characters the light faces lack (one per match)."""
    global _uncovered
    if _uncovered is None:
        from fontTools import ttLib

        with ttLib.TTFont(str(_font_path(FONT_FILES[""])), lazy=True) as face:
            covered = sorted(face.getBestCmap())
        ranges: list[str] = []
        start = prev = covered[0]
        for cp in [*covered[1:], -1]:
            if cp != prev + 1:
                first, last = re.escape(chr(start)), re.escape(chr(prev))
                ranges.append(first if start == prev else f"{first}-{last}")
                start = cp
            prev = cp
        _uncovered = re.compile(f"[^{''.join(ranges)}\\s]")
    return _uncovered


def _add_cached_font(pdf: FPDF, family: str, key: str, style: str, path: Path) -> None:
    from fontTools import ttLib
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    with _font_lock:
        template = _font_templates.get(key)
        if template is None:
            scratch = FPDF()
            scratch.add_font(family, style, str(path))
            font = scratch.fonts[key]
            if not isinstance(font, TTFFont):
                raise TypeError(f"{key} is not a TrueType font")
            face = font.ttfont
            template = _FaceTemplate(
                font=font, glyph_order=list(face.getGlyphOrder()),
                cmaps=None if any(t.format == 14 for t in face["cmap"].tables) else
                tuple((t.platformID, t.platEncID, t.format, t.language, dict(t.cmap)) for t in face["cmap"].tables),
                metrics=dict(face["hmtx"].metrics))
            face.close()
            _font_templates[key] = template
    clone = TTFFont.__new__(TTFFont)
    for name in TTFFont.__slots__:
        if hasattr(template.font, name):
            setattr(clone, name, getattr(template.font, name))
    # The subset keeps outlines as they are: their stored bounding boxes stay right, and not
    # recomputing them spares decoding and re-encoding every glyph used (half the output time).
    ttfont = ttLib.TTFont(str(path), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    ttfont.setGlyphOrder(template.glyph_order)
    # the character map and the advance widths, decoded once: fontTools would decode them again from the
    # file for every document it subsets (the subset replaces these tables' dicts; they start as copies)
    if template.cmaps is not None:
        cmap = ttLib.newTable("cmap")
        cmap.tableVersion = 0
        cmap.tables = []
        for platform_id, encoding_id, fmt, language, mapping in template.cmaps:
            subtable = CmapSubtable.newSubtable(fmt)
            subtable.platformID, subtable.platEncID, subtable.language = platform_id, encoding_id, language
            subtable.cmap = dict(mapping)
            cmap.tables.append(subtable)
        ttfont["cmap"] = cmap
    hmtx = ttLib.newTable("hmtx")
    hmtx.metrics = dict(template.metrics)
    ttfont["hmtx"] = hmtx
    clone.ttfont = ttfont
    clone.i = len(pdf.fonts) + 1
    clone.missing_glyphs = []
    clone.biggest_size_pt = 0
    clone.subset = SubsetMap(clone)
    pdf.fonts[key] = clone


# --- cells -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """Table cell text with optional emphasis; `badge` draws a coloured chip behind it."""

    text: str
    bold: bool = False
    color: RGB | None = None
    fill: RGB | None = None
    badge: RGB | None = None


@dataclass(frozen=True)
class Col:
    """A table column: heading, width in mm, alignment."""

    title: str
    width: float  # mm
    align: str = "L"  # L | C | R


CellValue = str | Cell


def _cell(value: CellValue) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


# --- the document --------------------------------------------------------------------------

class ReportPdf(FPDF):
    """An A4 Beacon report: header band, footer with page numbers and print time."""

    def __init__(self, *, lang: str, zone: ZoneInfo, title: str, subtitle: str, number: str, organization: str,
                 generated_at: datetime, interim: str = "", interim_stamp: str = "approval_blocked") -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.interim = interim
        self.interim_stamp = interim_stamp  # catalog key of the words that close off the approval box
        self._held: list[tuple[str, tuple[Any, ...]]] = []
        self.language = lang
        self.zone = zone
        self.doc_title = title
        self.doc_subtitle = subtitle
        self.doc_number = number
        self.organization = organization
        self.generated_at = generated_at
        self.running_title = ""
        self._widths: dict[tuple[str, float], dict[str, float]] = {}
        add_korean_fonts(self)
        self.set_margins(MARGIN, self.content_top(2), MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.alias_nb_pages()
        self.set_lang("ko-KR" if lang == "ko" else "en-GB")
        self.set_title(f"{title} {number}".strip())
        self.set_author(organization)
        self.set_creator("Beacon ITSM")
        self.set_creation_date(generated_at.replace(tzinfo=UTC))
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        self.set_font(FAMILY, "", BODY_PT)

    # page furniture ------------------------------------------------------------------------

    @property
    def content_width(self) -> float:
        """Width between the margins (mm)."""
        return self.w - self.l_margin - self.r_margin

    def content_top(self, page: int) -> float:
        """Where content starts on page `page` (lower when the interim band is there)."""
        top = CONTENT_TOP_FIRST if page == 1 else CONTENT_TOP
        return top + (INTERIM_H + 0.8 if self.interim else 0.0)

    @property
    def bottom(self) -> float:
        """The lowest y content may reach before the footer."""
        return self.page_break_trigger

    def header(self) -> None:
        with self.local_context():
            self.set_fill_color(*NAVY)
            if self.page_no() == 1:
                self.rect(0, 0, self.w, 24, style="F")
                self.set_fill_color(*NAVY_SOFT)
                self.rect(0, 24, self.w, 1.2, style="F")
                self.set_text_color(190, 205, 225)
                self.set_font(FAMILY, "", 7.5)
                self.text(MARGIN, 8.2, self.organization)
                self.set_text_color(*WHITE)
                self.set_font(FAMILY, "B", 17)
                self.text(MARGIN, 17.5, self.doc_title)
                if self.doc_subtitle:
                    title_w = self.get_string_width(self.doc_title)
                    self.set_font(FAMILY, "", 7.5)
                    self.set_text_color(190, 205, 225)
                    self.text(MARGIN + title_w + 3, 17.3, self.doc_subtitle)
                self.set_text_color(*WHITE)
                self.set_font(FAMILY, "B", 13)
                width = self.get_string_width(self.doc_number)
                self.text(self.w - MARGIN - width, 13.5, self.doc_number)
                self.set_font(FAMILY, "", 7.2)
                self.set_text_color(190, 205, 225)
                label = "Beacon ITSM"
                self.text(self.w - MARGIN - self.get_string_width(label), 18.8, label)
            else:
                self.rect(0, 0, self.w, 11, style="F")
                self.set_text_color(*WHITE)
                self.set_font(FAMILY, "B", 8.5)
                left = f"{self.doc_title}  ·  {self.doc_number}" if self.doc_number else self.doc_title
                self.text(MARGIN, 7.2, left)
                if self.running_title:
                    self.set_font(FAMILY, "", 7.5)
                    self.set_text_color(200, 212, 228)
                    room = self.content_width - self.get_string_width(left) - 10
                    shown = self.fit_text(self.running_title, room)
                    self.text(self.w - MARGIN - self.get_string_width(shown), 7.2, shown)
            if self.interim:
                self._interim_band(25.2 if self.page_no() == 1 else 11.0)
        self.set_y(self.content_top(self.page_no()))

    def _interim_band(self, y: float) -> None:
        """The band that tells every page of an unfinished case's report that it is not final."""
        self.set_fill_color(*INTERIM_FILL)
        self.rect(0, y, self.w, INTERIM_H, style="F")
        self.set_fill_color(*RED)
        self.rect(0, y + INTERIM_H - 0.5, self.w, 0.5, style="F")
        self.set_font(FAMILY, "B", 8.2)
        self.set_text_color(*RED)
        self.draw_line(MARGIN, y, self.content_width, self.fit_text(self.interim, self.content_width), INTERIM_H - 0.4)

    def footer(self) -> None:
        with self.local_context():
            y = self.h - 11
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(MARGIN, y, self.w - MARGIN, y)
            self.set_font(FAMILY, "", SMALL_PT)
            self.set_text_color(*MUTED)
            left = f"Beacon ITSM  ·  {self.doc_number}" if self.doc_number else "Beacon ITSM"
            self.text(MARGIN, y + 4.5, left)
            printed = tr("printed", self.language, at=self.when(self.generated_at, zone_name=True))
            self.text(self.w - MARGIN - self.get_string_width(printed), y + 4.5, printed)
            self.set_xy(MARGIN, y + 1.6)
            self.set_font(FAMILY, "B", SMALL_PT + 0.3)
            self.set_text_color(*INK)
            self.cell(self.content_width, 4, f"{self.page_no()} / {{nb}}", align="C")

    # time ----------------------------------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        """A stored naive-UTC instant in the reader's time zone."""
        return moment.replace(tzinfo=UTC).astimezone(self.zone)

    def when(self, moment: datetime | None, *, zone_name: bool = False, seconds: bool = False) -> str:
        """'2026-11-24 10:05' in the reader's time zone; '-' for none."""
        if moment is None:
            return "-"
        local = self.local(moment)
        text = local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
        return f"{text} ({local.tzname()})" if zone_name else text

    # text ----------------------------------------------------------------------------------

    def normalize_text(self, text: str) -> str:
        """fpdf2 passes every text through here first: the full face joins the first time it is needed."""
        text = super().normalize_text(text)
        if not self._fallback_font_ids and not text.isascii() and uncovered_characters().search(text):
            add_full_korean_fonts(self)
        return text

    def text(self, x: float, y: float, text: str = "") -> None:
        """As `FPDF.text`, drawing the characters the light face lacks in the full one (fpdf2's `text`
        knows no fallback fonts; `cell` and tables do)."""
        text = self.normalize_text(text)
        if not self._fallback_font_ids or not uncovered_characters().search(text):
            super().text(x, y, text)
            return
        family, style, size = self.font_family, self.font_style, self.font_size_pt
        for fragment in self._parse_chars(text, False):
            self.set_font(fragment.font_family, fragment.font_style, size)
            part = fragment.string
            super().text(x, y, part)
            x += self.get_string_width(part, normalized=True)
        self.set_font(family, style, size)

    def set_font(self, family: str | None = None, style: Any = "", size: float = 0) -> None:
        """As `FPDF.set_font`, with a quick return when nothing changes (tables ask ~10,000 times a report)."""
        if (size == self.font_size_pt and style == self.font_style and family is not None
                and family.lower() == self.font_family and self.current_font is not None
                and self.current_font.fontkey == self.font_family + style
                and not self.underline and not self.strikethrough):
            return
        super().set_font(family, style, size)

    def text_width(self, text: str) -> float:
        """Width of `text` in the current font, from cached per-character (and per-word) widths."""
        cache = self._widths.get((self.font_style, self.font_size_pt))
        if cache is None:
            cache = self._widths[(self.font_style, self.font_size_pt)] = {}
        total = cache.get(text)
        if total is not None:
            return total
        total = 0.0
        for ch in text:
            width = cache.get(ch)
            if width is None:
                width = cache[ch] = self.get_string_width(ch)
            total += width
        if len(text) <= 40:  # words and short labels come back often; long lines rarely
            cache[text] = total
        return total

    def wrap(self, text: str, width: float) -> list[str]:
        """Break `text` into lines no wider than `width` (mm): at spaces, inside over-long words."""
        lines: list[str] = []
        space = self.text_width(" ")
        for paragraph in (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").split("\n"):
            line, line_w = "", 0.0
            for word in paragraph.rstrip().split(" "):
                word_w = self.text_width(word)
                need = word_w if not line else line_w + space + word_w
                if need <= width:
                    line, line_w = (word if not line else f"{line} {word}"), need
                    continue
                if line:
                    lines.append(line)
                if word_w <= width:
                    line, line_w = word, word_w
                    continue
                line, line_w = "", 0.0
                for ch in word:
                    ch_w = self.text_width(ch)
                    if line and line_w + ch_w > width:
                        lines.append(line)
                        line, line_w = "", 0.0
                    line += ch
                    line_w += ch_w
            lines.append(line)
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
        return lines or [""]

    def fit_text(self, text: str, width: float) -> str:
        """`text` cut with an ellipsis to fit one line of `width`."""
        if self.text_width(text) <= width:
            return text
        out = ""
        for ch in text:
            if self.text_width(out + ch + "…") > width:
                break
            out += ch
        return out + "…"

    def line_height(self, size_pt: float | None = None) -> float:
        """Line spacing (mm) for a font size (default: the current one)."""
        return (size_pt or self.font_size_pt) * PT_MM * 1.42

    def draw_line(self, x: float, y: float, width: float, line: str, line_h: float, align: str = "L") -> None:
        """One line of text in a box `line_h` high whose top is at `y`."""
        if not line:
            return
        if align == "R":
            x = x + width - self.text_width(line)
        elif align == "C":
            x = x + (width - self.text_width(line)) / 2
        baseline = y + line_h / 2 + self.font_size * 0.35
        self.text(x, baseline, line)

    @property
    def at_page_top(self) -> bool:
        """True when nothing has been placed on this page yet."""
        return self.get_y() <= self.content_top(self.page_no()) + 0.5

    def ensure_space(self, height: float) -> None:
        """Make room for a block whose first unbreakable piece is `height` mm tall.

        Headings written before it (held by `section` and `subheading`) go with it: when they
        and the piece do not fit here, all of them start the next page. Every block calls this
        before it draws, so a heading never ends a page alone.
        """
        need = self._held_height(self.at_page_top) + height
        if self.get_y() + need > self.bottom and not self.at_page_top:
            self.add_page()
        self.place_headings()

    def _held_height(self, at_top: bool) -> float:
        total = 0.0
        for i, (kind, _) in enumerate(self._held):
            if kind == "section":
                total += SECTION_H + (0.0 if at_top and i == 0 else SECTION_GAP)
            else:
                total += SUBHEADING_H
        return total

    def place_headings(self) -> None:
        """Draw the headings held for the next block (called by `ensure_space`)."""
        held, self._held = self._held, []
        for kind, args in held:
            if kind == "section":
                self._draw_section(*args)
            else:
                self._draw_subheading(*args)

    def output(self, *args: Any, **kwargs: Any) -> Any:  # a heading with nothing under it is still printed
        self.place_headings()
        return super().output(*args, **kwargs)

    def gap(self, height: float) -> None:
        """Vertical space, or a new page when the space would not fit."""
        if self.get_y() + height > self.bottom:
            self.add_page()
        else:
            self.set_y(self.get_y() + height)

    def paragraph(self, text: str, *, indent: float = 0.0, size_pt: float = BODY_PT, color: RGB = INK,
                  empty: str = "-") -> None:
        """Wrapped text over as many pages as it needs; nothing is ever cut off."""
        self.set_font(FAMILY, "", size_pt)
        self.set_text_color(*color)
        width = self.content_width - indent
        line_h = self.line_height()
        content = text if (text or "").strip() else empty
        lines = self.wrap(content, width)
        # a paragraph keeps its first lines with its heading (and all of a short one together)
        self.ensure_space(line_h * min(len(lines), KEEP_ROWS))
        self.set_font(FAMILY, "", size_pt)
        self.set_text_color(*color)
        for line in lines:
            if self.get_y() + line_h > self.bottom:
                self.add_page()
                self.set_font(FAMILY, "", size_pt)
                self.set_text_color(*color)
            self.draw_line(self.l_margin + indent, self.get_y(), width, line, line_h)
            self.set_y(self.get_y() + line_h)
        self.set_text_color(*INK)

    def section(self, number: int | str, title: str) -> None:
        """A numbered section title with a rule under it, drawn with the first piece of what follows."""
        self._held.append(("section", (number, title)))

    def _draw_section(self, number: int | str, title: str) -> None:
        if not self.at_page_top:
            self.set_y(self.get_y() + SECTION_GAP)
        y = self.get_y()
        with self.local_context():
            self.set_fill_color(*NAVY)
            self.rect(self.l_margin, y + 1.0, 1.6, 5.0, style="F")
            self.set_font(FAMILY, "B", 11.5)
            self.set_text_color(*NAVY)
            self.text(self.l_margin + 3.6, y + 5.2, f"{number}. {title}" if number != "" else title)
            self.set_draw_color(*NAVY)
            self.set_line_width(0.35)
            self.line(self.l_margin, y + 8.0, self.w - self.r_margin, y + 8.0)
        self.set_y(y + SECTION_H)

    def subheading(self, title: str, *, note: str = "") -> None:
        """A small bold heading inside a section, drawn with the first piece of what follows."""
        self._held.append(("subheading", (title, note)))

    def _draw_subheading(self, title: str, note: str) -> None:
        self.set_y(self.get_y() + 1.5)
        y = self.get_y()
        with self.local_context():
            self.set_fill_color(*NAVY_SOFT)
            self.rect(self.l_margin, y + 1.3, 1.1, 3.6, style="F")
            self.set_font(FAMILY, "B", 9.5)
            self.set_text_color(*INK)
            self.text(self.l_margin + 2.8, y + 4.4, title)
            if note:
                offset = self.text_width(title) + 5
                self.set_font(FAMILY, "", SMALL_PT)
                self.set_text_color(*MUTED)
                self.text(self.l_margin + 2.8 + offset, y + 4.3, self.fit_text(note, self.content_width - offset - 4))
        self.set_y(y + SUBHEADING_H - 1.5)

    def note(self, text: str) -> None:
        """Small grey explanatory text."""
        self.paragraph(text, size_pt=SMALL_PT, color=MUTED)

    def text_block(self, title: str, text: str) -> None:
        """A titled piece of free text (cause, result, ...), printed whole."""
        self.subheading(title)
        self.paragraph(text, indent=2.8)
        self.set_y(self.get_y() + 1.2)

    # tables --------------------------------------------------------------------------------

    def grid(self, cols: Sequence[Col], rows: Sequence[Sequence[CellValue]], *, size_pt: float = TABLE_PT,
             zebra: bool = True, min_lines_on_page: int = 3, keep_rows: int = KEEP_ROWS,
             middle: bool = False, footnote: str = "") -> None:
        """A table of any length: the header row repeats on every page, tall rows split between lines.

        The header and the first `keep_rows` rows stay with the heading above the table (a table of
        fewer than twice `keep_rows` rows stays whole when it fits a page), and a page break never
        leaves fewer than `keep_rows` rows alone at the table's end. `middle` centres short cells
        vertically in a tall row. A `footnote` is printed under the table and goes with its last rows.
        """
        pad_x, pad_y = 1.6, 1.1
        self.set_font(FAMILY, "", size_pt)
        line_h = self.line_height()
        x0 = self.l_margin
        header_lines = [self._wrap_in(c.title, c.width - 2 * pad_x, bold=True, size_pt=size_pt) for c in cols]
        header_h = max(len(lines) for lines in header_lines) * line_h + 2 * pad_y

        def draw_header() -> None:
            y = self.get_y()
            with self.local_context():
                self.set_fill_color(*HEAD_FILL)
                self.set_draw_color(*RULE)
                self.set_line_width(0.2)
                self.set_font(FAMILY, "B", size_pt)
                self.set_text_color(*NAVY)
                x = x0
                for col, lines in zip(cols, header_lines, strict=True):
                    self.rect(x, y, col.width, header_h, style="DF")
                    top = y + (header_h - len(lines) * line_h) / 2
                    for i, line in enumerate(lines):
                        self.draw_line(x + pad_x, top + i * line_h, col.width - 2 * pad_x, line, line_h, "C")
                    x += col.width
            self.set_y(y + header_h)

        cells_of = [[_cell(v) for v in row] for row in rows]
        wrapped_of = [[[c.text] if c.badge else
                       self._wrap_in(c.text, col.width - 2 * pad_x, bold=c.bold, size_pt=size_pt)
                       for c, col in zip(cells, cols, strict=True)] for cells in cells_of]
        heights = [max(len(lines) for lines in wrapped) * line_h + 2 * pad_y for wrapped in wrapped_of]
        count = len(rows)
        keep = count if count < 2 * keep_rows else keep_rows
        note_h = 0.0
        if footnote:
            self.set_font(FAMILY, "", SMALL_PT)
            note_h = 1.0 + len(self.wrap(footnote, self.content_width)) * self.line_height(SMALL_PT)
            self.set_font(FAMILY, "", size_pt)
        first = header_h + sum(heights[:keep]) + (note_h if keep == count else 0.0)
        if first > KEEP_MAX:  # rows too tall to move whole: a few of their lines go with the heading
            first = header_h + line_h * min_lines_on_page + 2 * pad_y
        self.ensure_space(first)
        draw_header()
        on_page = 0
        for index in range(count):
            cells, wrapped = cells_of[index], wrapped_of[index]
            # the last rows (and the footnote) go to the next page together rather than a few alone there
            if count - index == min(keep_rows, count) and on_page and index >= min(keep_rows, count):
                tail = sum(heights[index:]) + note_h
                move = self.get_y() + tail > self.bottom and tail <= KEEP_MAX
            else:
                move = False
            if move:
                self.add_page()
                draw_header()
                on_page = 0
            done = 0
            total = max(len(lines) for lines in wrapped)
            while done < total:
                room = int((self.bottom - self.get_y() - 2 * pad_y) // line_h)
                left = total - done
                if room < min(left, min_lines_on_page):
                    self.add_page()
                    draw_header()
                    on_page = 0
                    continue
                take = min(left, room)
                self._grid_row(cols, cells, wrapped, done, take, line_h, pad_x, pad_y,
                               ZEBRA if zebra and index % 2 else None, size_pt,
                               middle=middle and done == 0 and take == total)
                done += take
                if done < total:
                    self.add_page()
                    draw_header()
                    on_page = 0
            on_page += 1
        self.set_font(FAMILY, "", BODY_PT)
        if footnote:
            self.set_y(self.get_y() + 1.0)
            self.note(footnote)

    def _wrap_in(self, text: str, width: float, *, bold: bool, size_pt: float) -> list[str]:
        self.set_font(FAMILY, "B" if bold else "", size_pt)
        lines = self.wrap(text, width)
        self.set_font(FAMILY, "", size_pt)
        return lines

    def _grid_row(self, cols: Sequence[Col], cells: list[Cell], wrapped: list[list[str]], start: int, count: int,
                  line_h: float, pad_x: float, pad_y: float, fill: RGB | None, size_pt: float, *,
                  middle: bool = False) -> None:
        y = self.get_y()
        height = count * line_h + 2 * pad_y
        with self.local_context():
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            x = self.l_margin
            # on the page a tall row continues on, say so in the first free cell wide enough
            marker_at = -1
            if start > 0:
                marker_at = next((i for i, (col, lines) in enumerate(zip(cols, wrapped, strict=True))
                                  if len(lines) <= start and col.width >= 16), -1)
            # colours and weight are set only when they change: a 200-row table sets them ~1,500 times less
            fill_now: RGB | None = None
            style_now: tuple[str, RGB] | None = None
            for index, (col, cell, lines) in enumerate(zip(cols, cells, wrapped, strict=True)):
                background = cell.fill or fill
                if background:
                    if background != fill_now:
                        self.set_fill_color(*background)
                        fill_now = background
                    self.rect(x, y, col.width, height, style="DF")
                else:
                    self.rect(x, y, col.width, height, style="D")
                if index == marker_at:
                    self.set_font(FAMILY, "", size_pt - 0.6)
                    self.set_text_color(*MUTED)
                    style_now = None
                    self.draw_line(x + pad_x, y + pad_y, col.width - 2 * pad_x, tr("continued", self.language),
                                   line_h, col.align)
                part = lines[start:start + count]
                lift = (count - len(part)) * line_h / 2 if middle else 0.0
                if cell.badge and start == 0 and part and part[0]:
                    self._badge(x + pad_x, y + pad_y + lift, part[0], cell.badge, size_pt, col.width - 2 * pad_x,
                                col.align)
                    fill_now = style_now = None
                    part = part[1:]
                    offset = 1
                else:
                    offset = 0
                if part:
                    style = ("B" if cell.bold else "", cell.color or INK)
                    if style != style_now:
                        self.set_font(FAMILY, style[0], size_pt)
                        self.set_text_color(*style[1])
                        style_now = style
                    for i, line in enumerate(part):
                        self.draw_line(x + pad_x, y + pad_y + lift + (i + offset) * line_h, col.width - 2 * pad_x,
                                       line, line_h, col.align)
                x += col.width
        self.set_y(y + height)

    def _badge(self, x: float, y: float, text: str, color: RGB, size_pt: float, width: float, align: str) -> None:
        """A coloured chip on one line: the text shrinks (to 6 pt) or is shortened rather than wrapped."""
        line_h = self.line_height(size_pt)
        size = size_pt
        self.set_font(FAMILY, "B", size)
        while self.text_width(text) + 3 > width and size > 6.0:
            size -= 0.4
            self.set_font(FAMILY, "B", size)
        text = self.fit_text(text, width - 3)
        text_w = self.text_width(text)
        chip_w = min(width, text_w + 3)
        if align == "C":
            x += (width - chip_w) / 2
        self.set_fill_color(*color)
        self.rect(x, y + 0.3, chip_w, line_h - 0.6, style="F", round_corners=True, corner_radius=0.8)
        self.set_text_color(*readable_on(color))
        self.draw_line(x, y, chip_w, text, line_h, "C")

    def key_values(self, pairs: Sequence[tuple[str, CellValue]], *, columns: int = 2, label_w: float = 27.0) -> None:
        """Label/value pairs in a bordered grid of `columns` pairs per row (fpdf2 `table()`)."""
        value_w = (self.content_width - columns * label_w) / columns
        widths = [label_w, value_w] * columns
        label_style = FontFace(family=FAMILY, emphasis="B", size_pt=TABLE_PT, color=NAVY, fill_color=LABEL_FILL)
        self.set_font(FAMILY, "", TABLE_PT)
        self.ensure_space(8 * ((len(pairs) + columns - 1) // columns) + 2)
        with self.local_context():
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            with self.table(col_widths=widths, width=self.content_width, first_row_as_headings=False,
                            text_align="LEFT", line_height=self.line_height(TABLE_PT), padding=(1.1, 1.6),
                            v_align="MIDDLE") as table:
                for start in range(0, len(pairs), columns):
                    row = table.row()
                    chunk = list(pairs[start:start + columns])
                    for i, (label, value) in enumerate(chunk):
                        row.cell(label, style=label_style)
                        cell = _cell(value)
                        span = 1 + 2 * (columns - len(chunk)) if i == len(chunk) - 1 else 1
                        row.cell(cell.text or "-", colspan=span,
                                 style=FontFace(family=FAMILY, emphasis="B" if cell.bold else "", size_pt=TABLE_PT,
                                                color=cell.color or INK, fill_color=cell.fill))
        self.set_font(FAMILY, "", BODY_PT)

    def small_table(self, cols: Sequence[Col], rows: Sequence[Sequence[CellValue]], *,
                    size_pt: float = TABLE_PT, footnote: str = "") -> None:
        """A short table with a shaded heading row: `grid` without zebra stripes, short cells centred."""
        self.grid(cols, rows, size_pt=size_pt, zebra=False, middle=True, footnote=footnote)

    # title block and approval box ---------------------------------------------------------

    def title_block(self, left: Callable[[float, float], float], *, box_w: float = 62.0,
                    box_h: float = 24.0) -> None:
        """The first page's title area: the approval box on the right, beside it what `left(top, width)`
        writes, which returns the y it reached; what follows starts under the taller of the two."""
        top = self.get_y()
        self.approval_box(self.w - self.r_margin - box_w, top, width=box_w, height=box_h)
        y = left(top, self.content_width - box_w - 5)
        self.set_text_color(*INK)
        self.set_y(max(y, top + box_h) + 1)

    def lines(self, x: float, y: float, width: float, text: str, line_h: float) -> float:
        """`text` wrapped to `width` and drawn from `y` down in the current font; returns the y under it."""
        for line in self.wrap(text, width):
            self.draw_line(x, y, width, line, line_h)
            y += line_h
        return y

    def approval_box(self, x: float, y: float, *, width: float = 62.0, height: float = 24.0) -> None:
        """결재란: a vertical label and three signature boxes (prepared / reviewed / approved)."""
        labels = [tr(k, self.language) for k in ("prepared", "reviewed", "approved")]
        side = 7.0
        col_w = (width - side) / 3
        head_h = 5.5
        with self.local_context():
            self.set_draw_color(*NAVY_SOFT)
            self.set_line_width(0.25)
            self.set_fill_color(*HEAD_FILL)
            self.rect(x, y, side, height, style="DF")
            self.set_font(FAMILY, "B", 8)
            self.set_text_color(*NAVY)
            title = tr("approval", self.language)
            if self.language == "ko":
                step = 4.2
                top = y + (height - step * len(title)) / 2
                for i, ch in enumerate(title):
                    self.draw_line(x, top + i * step, side, ch, step, "C")
            else:
                with self.rotation(90, x + side / 2, y + height / 2):
                    self.draw_line(x + side / 2 - height / 2, y + height / 2 - 2.5, height, title, 5, "C")
            for i, label in enumerate(labels):
                cx = x + side + i * col_w
                self.set_fill_color(*HEAD_FILL)
                self.rect(cx, y, col_w, head_h, style="DF")
                self.rect(cx, y + head_h, col_w, height - head_h, style="D")
                self.set_text_color(*NAVY)
                self.set_font(FAMILY, "B", 7.8)
                self.draw_line(cx, y, col_w, label, head_h, "C")
                if not self.interim:
                    self.set_text_color(*RULE)
                    self.set_font(FAMILY, "", 6.5)
                    self.draw_line(cx, y + height - 4.2, col_w, "/", 3.5, "C")
            if self.interim:
                # an unfinished case's report is not signed: the signature cells are closed off
                sx, sy, sw, sh = x + side, y + head_h, width - side, height - head_h
                self.set_fill_color(*INTERIM_FILL)
                self.set_draw_color(*RED)
                self.rect(sx, sy, sw, sh, style="DF")
                self.set_line_width(0.15)
                self.line(sx, sy, sx + sw, sy + sh)
                self.line(sx, sy + sh, sx + sw, sy)
                self.set_font(FAMILY, "B", 7.4)
                self.set_text_color(*RED)
                first = tr(self.interim_stamp, self.language)
                second = tr(f"{self.interim_stamp}_sub", self.language)
                box_w = max(self.text_width(first), self.text_width(second)) + 3
                self.set_fill_color(*WHITE)
                self.rect(sx + (sw - box_w) / 2, sy + sh / 2 - 3.8, box_w, 7.6, style="F")
                self.draw_line(sx, sy + sh / 2 - 3.6, sw, first, 3.6, "C")
                self.set_font(FAMILY, "", 6.6)
                self.draw_line(sx, sy + sh / 2, sw, second, 3.6, "C")

    def summary_box(self, figures: Sequence[tuple[str, CellValue]], texts: Sequence[tuple[str, str]], *,
                    per_row: int = 4, text_lines: int = 2) -> None:
        """The case at a glance: figures as small label-over-value tiles, then a few texts cut to
        `text_lines` lines each (the full text is printed in its own section)."""
        if not figures and not texts:
            return
        pad = 2.0
        inner = self.content_width - 2 * pad
        tile_w = inner / per_row
        tile_h = 9.2
        rows = (len(figures) + per_row - 1) // per_row
        label_w = 24.0
        text_h = self.line_height(8.0)
        wrapped: list[tuple[str, list[str]]] = []
        self.set_font(FAMILY, "", 8.0)
        for label, text in texts:
            lines = self.wrap(text.strip() or "-", inner - label_w)
            if len(lines) > text_lines:
                lines = lines[:text_lines]
                lines[-1] = self.fit_text(lines[-1] + " …", inner - label_w)
            wrapped.append((label, lines))
        height = 2 * pad + rows * tile_h + sum(len(lines) * text_h + 0.8 for _, lines in wrapped) + (
            1.2 if wrapped else 0)
        self.ensure_space(height + 2)
        y0 = self.get_y()
        with self.local_context():
            self.set_fill_color(*LABEL_FILL)
            self.set_draw_color(*NAVY_SOFT)
            self.set_line_width(0.3)
            self.rect(self.l_margin, y0, self.content_width, height, style="DF")
            y = y0 + pad
            for index, (label, value) in enumerate(figures):
                cell = _cell(value)
                col, row = index % per_row, index // per_row
                x = self.l_margin + pad + col * tile_w
                top = y + row * tile_h
                self.set_font(FAMILY, "", 6.8)
                self.set_text_color(*MUTED)
                self.draw_line(x + 1, top, tile_w - 2, self.fit_text(label, tile_w - 2), 3.6)
                if cell.badge:
                    self._badge(x + 1, top + 3.9, cell.text, cell.badge, 8.2, tile_w - 4, "L")
                    continue
                self.set_font(FAMILY, "B", 8.6)
                self.set_text_color(*(cell.color or INK))
                self.draw_line(x + 1, top + 3.7, tile_w - 2, self.fit_text(cell.text or "-", tile_w - 2), 4.6)
            y += rows * tile_h
            if wrapped:
                self.set_draw_color(*RULE)
                self.set_line_width(0.2)
                self.line(self.l_margin + pad, y + 0.2, self.l_margin + self.content_width - pad, y + 0.2)
                y += 1.2
            for label, lines in wrapped:
                self.set_font(FAMILY, "B", 7.6)
                self.set_text_color(*NAVY)
                self.draw_line(self.l_margin + pad + 1, y, label_w - 2, self.fit_text(label, label_w - 2), text_h)
                self.set_font(FAMILY, "", 8.0)
                self.set_text_color(*INK)
                for line in lines:
                    self.draw_line(self.l_margin + pad + label_w, y, inner - label_w, line, text_h)
                    y += text_h
                y += 0.8
        self.set_y(y0 + height + 2)


def new_report(*, title_key: str, lang: str, zone: ZoneInfo, number: str, organization: Mapping[str, str],
               generated_at: datetime, running_title: str, interim: str = "",
               interim_stamp: str = "approval_blocked") -> ReportPdf:
    """A report with its first page begun: the title `title_key` from the catalog (in Korean with its
    `{title_key}_sub` beside it), `running_title` in the header band of the pages after the first.
    `interim`, when given, is printed in a band on every page and closes off the approval box:
    the report describes something not finished yet and is not for signature."""
    subtitle = tr(f"{title_key}_sub", lang) if lang == "ko" else ""
    pdf = ReportPdf(lang=lang, zone=zone, title=tr(title_key, lang), subtitle=subtitle, number=number,
                    organization=pick(organization, lang), generated_at=generated_at, interim=interim,
                    interim_stamp=interim_stamp)
    pdf.running_title = running_title
    pdf.add_page()
    return pdf


Data = TypeVar("Data")


class SectionWriter(Generic[Data]):
    """What each report's sections are written with: the document, the report's data, the reader's language."""

    def __init__(self, pdf: ReportPdf, data: Data, lang: str) -> None:
        self.pdf = pdf
        self.data = data
        self.lang = lang

    def t(self, key: str, **params: object) -> str:
        """The label `key` in the reader's language."""
        return tr(key, self.lang, **params)


@contextmanager
def font(pdf: ReportPdf, style: str = "", size_pt: float = BODY_PT, color: RGB = INK) -> Iterator[None]:
    """Temporarily switch font and text colour."""
    with pdf.local_context():
        pdf.set_font(FAMILY, style, size_pt)
        pdf.set_text_color(*color)
        yield


def pick_text(value: Mapping[str, str] | None, lang: str, default: str = "-") -> str:
    """A bilingual name in `lang` (English falls back to Korean)."""
    if not value:
        return default
    return value.get(lang) or value.get("ko") or default


def pdf_bytes(pdf: FPDF) -> bytes:
    """The finished PDF."""
    out: Any = pdf.output()
    return bytes(out)
