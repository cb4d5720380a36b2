"""Layout pieces that need no database: the time axis and line wrapping."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.charts import chart_range, choose_step, nice_max, tick_labels, ticks
from desktop.reports.layout import FAMILY, ReportPdf
from tests.reports.helpers import pdf_text, squash

SEOUL = ZoneInfo("Asia/Seoul")


def test_ten_minutes_get_two_minute_ticks_on_round_local_times():
    start, end = chart_range(datetime(2026, 11, 24, 1, 0), datetime(2026, 11, 24, 1, 10))  # 10:00–10:10 KST
    step = choose_step((end - start).total_seconds() / 60)
    assert step == 2
    marks = ticks(start, end, SEOUL, step)
    labels = tick_labels(marks, SEOUL, step)
    assert [top for top, _ in labels] == ["10:00", "10:02", "10:04", "10:06", "10:08", "10:10"]
    assert labels[0][1] == "11-24" and all(not second for _, second in labels[1:])


def test_ten_days_get_day_ticks_at_local_midnight():
    start, end = chart_range(datetime(2026, 11, 20, 1, 0), datetime(2026, 11, 30, 1, 0))
    step = choose_step((end - start).total_seconds() / 60)
    assert step in (1440, 2880)
    marks = ticks(start, end, SEOUL, step)
    assert all(m.hour == 15 and m.minute == 0 for m in marks)  # 00:00 in Seoul
    assert 5 <= len(marks) <= 11
    assert tick_labels(marks, SEOUL, step)[0] == ("11-20", "2026") or tick_labels(marks, SEOUL, step)[0][1] == "2026"


@pytest.mark.parametrize("minutes", [1, 7, 45, 200, 1000, 5000, 30000, 200000])
def test_any_span_gets_a_handful_of_ticks(minutes):
    start = datetime(2026, 3, 2, 0, 0)
    end = datetime.fromtimestamp(start.timestamp() + minutes * 60)
    a, b = chart_range(start, end)
    step = choose_step((b - a).total_seconds() / 60)
    count = len(ticks(a, b, SEOUL, step))
    assert 1 <= count <= 10


def test_axis_maxima_are_round():
    assert [nice_max(v) for v in (0, 3, 11, 33, 99, 1234)] == [4, 4, 20, 40, 100, 2000]


@pytest.fixture(scope="module")
def pdf() -> ReportPdf:
    document = ReportPdf(lang="ko", zone=SEOUL, title="시험", subtitle="", number="", organization="Beacon",
                         generated_at=datetime(2026, 11, 27))
    document.add_page()
    document.set_font(FAMILY, "", 8.2)
    return document


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("가나다라마바사아자차카타파하  abcXYZ0123456789.,()-\n\t")),
                    max_size=600),
       width=st.floats(min_value=8, max_value=120))
def test_wrapped_lines_fit_and_lose_nothing(pdf, text, width):
    lines = pdf.wrap(text, width)
    assert all(pdf.text_width(line) <= width + 1e-6 for line in lines)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)


# --- page breaks: headings stay with their tables, no orphan rows ---------------------------------------

def _document(interim: str = "") -> ReportPdf:
    document = ReportPdf(lang="ko", zone=SEOUL, title="시험", subtitle="", number="T-1", organization="Beacon",
                         generated_at=datetime(2026, 11, 27), interim=interim)
    document.add_page()
    return document


def _pages(document: ReportPdf) -> list[str]:
    from tests.reports.helpers import pdf_pages

    return pdf_pages(bytes(document.output()))


def _rows_on(page: str, prefix: str) -> list[int]:
    return [int(n) for n in re.findall(rf"{prefix}(\d\d)", page)]


@pytest.mark.parametrize("rows", [2, 4, 9, 14])
def test_a_heading_never_ends_a_page_and_no_table_leaves_rows_alone(rows):
    """Wherever on a page a section starts, its heading sits on the page of the table's first rows, and every
    page the table reaches holds at least three of its rows (a short table stays whole)."""
    from desktop.reports.layout import Col

    cols = [Col("번호", 30), Col("내용", 150)]
    for start in range(40, 280, 7):  # mm: where the section begins, down to the foot of the page
        document = _document()
        document.set_y(start)
        document.section(1, "구역머리")
        document.subheading("소제목머리")
        document.grid(cols, [[f"행{i:02d}", "내용 " * (1 + i % 3)] for i in range(rows)])
        pages = _pages(document)
        heading_page = next(i for i, p in enumerate(pages) if "구역머리" in p)
        assert "소제목머리" in pages[heading_page] and "행00" in pages[heading_page], (rows, start)
        counts = [len(_rows_on(p, "행")) for p in pages]
        assert sum(counts) == rows
        assert all(n == 0 or n >= min(3, rows) for n in counts), (rows, start, counts)
        if rows < 6:  # short tables are never split
            assert sorted(counts)[-1] == rows, (rows, start, counts)
        for page in pages[heading_page + 1:]:  # a continued table repeats its header row
            if _rows_on(page, "행"):
                assert "번호" in page and "내용" in page


def test_a_heading_before_a_paragraph_or_a_chart_goes_with_it():
    document = _document()
    document.set_y(262)  # room for a heading, not for a heading and three lines under it
    document.section(2, "문단머리")
    document.paragraph("첫줄 " * 200)
    document.set_y(265)
    document.section(3, "차트머리")
    document.ensure_space(60)  # how a chart asks for its room
    document.text(document.l_margin, document.get_y() + 5, "차트본문")
    pages = _pages(document)
    assert "문단머리" not in pages[0]
    assert next(i for i, p in enumerate(pages) if "문단머리" in p) == next(i for i, p in enumerate(pages)
                                                                          if "첫줄" in p)
    assert next(i for i, p in enumerate(pages) if "차트머리" in p) == next(i for i, p in enumerate(pages)
                                                                          if "차트본문" in p)


def test_an_interim_document_says_so_on_every_page():
    document = _document(interim="중간 보고 · 미종결")
    document.paragraph("긴 본문 " * 3000)
    pages = _pages(document)
    assert len(pages) >= 3 and all("중간 보고 · 미종결" in p for p in pages)


def test_a_tables_footnote_goes_with_its_last_rows():
    from desktop.reports.layout import Col

    cols = [Col("번호", 30), Col("내용", 150)]
    for start in range(40, 280, 9):
        document = _document()
        document.set_y(start)
        document.section(1, "구역머리")
        document.grid(cols, [[f"행{i:02d}", "내용"] for i in range(8)], footnote="각주입니다 " * 30)
        pages = _pages(document)
        note_page = next(i for i, p in enumerate(pages) if "각주입니다" in p)
        assert len(_rows_on(pages[note_page], "행")) >= 3, start


# --- the light faces and their fallback --------------------------------------------------------

def _embedded_fonts(data: bytes) -> dict[str, set[int]]:
    """Each embedded font's name → the characters its embedded subset maps to a glyph."""
    import io

    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    fonts: dict[str, set[int]] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            face = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            fonts[str(font["/BaseFont"]).split("+", 1)[-1]] = {
                cp for cp, glyph in (face.getBestCmap() or {}).items() if glyph != ".notdef"}
    return fonts


def _light_document() -> ReportPdf:
    document = ReportPdf(lang="ko", zone=SEOUL, title="장애 보고서", subtitle="", number="INC-2026-000001",
                         organization="Beacon", generated_at=datetime(2026, 11, 27))
    document.add_page()
    return document


def test_rare_syllables_and_hanja_print_in_the_full_face_never_as_boxes():
    """똠 and 햏 are outside KS X 1001's 2,350 syllables and 金融 are Hanja: the light face lacks them."""
    from desktop.reports.layout import Col

    document = _light_document()
    document.paragraph("똠방각하의 햏 장애, 金融 전산실 보고")
    document.key_values([("제목", "똠얌꿍 서버 (金)"), ("분류", "응용")])
    document.grid([Col("번호", 30), Col("내용", 100)], [["1", "햏 로그인 지연"], ["2", "정상"]])
    data = bytes(document.output())
    fonts = _embedded_fonts(data)
    drawn = set().union(*fonts.values())
    assert {ord(ch) for ch in "똠햏金融"} <= drawn
    assert {ord(ch) for ch in "똠햏金融"}.isdisjoint(fonts["BeaconReportGothic"])
    text = squash(pdf_text(data))
    assert "똠방각하의햏장애,金融전산실보고" in text and "똠얌꿍서버(金)" in text and "햏로그인지연" in text
    # measured in the face that draws them, so wrapping and alignment stay right
    assert document.text_width("똠") == pytest.approx(document.text_width("돔"), rel=0.05)


def test_a_report_in_ks_x_1001_korean_and_english_embeds_only_the_light_faces():
    document = _light_document()
    document.paragraph("인터넷뱅킹 로그인 지연 — Internet banking log-in delay → 정상화 (09:00–18:00)")
    with document.local_context():
        document.set_font(FAMILY, "B", 9)
        document.text(20, 80, "굵은 제목 Bold title")
    assert set(_embedded_fonts(bytes(document.output()))) == {"BeaconReportGothic", "BeaconReportGothicBold"}


def test_light_faces_hold_every_ks_x_1001_syllable_under_a_name_of_their_own():
    """OFL: a modified version keeps the copyright and the licence and uses no Reserved Font Name."""
    from fontTools.ttLib import TTFont

    from desktop.paths import resource_path
    from desktop.reports.layout import FONT_FILES

    ks = [cp for cp in range(0xAC00, 0xD7A4) if len(chr(cp).encode("euc_kr")) == 2]
    assert len(ks) == 2350
    for name in FONT_FILES.values():
        face = TTFont(str(resource_path("fonts", name)), lazy=True)
        cmap = face.getBestCmap()
        assert all(cp in cmap for cp in ks) and all(ord(ch) in cmap for ch in "ABCxyz019.,()→…·₩")
        assert ord("똠") not in cmap and ord("金") not in cmap
        names = {n.nameID: n.toUnicode() for n in face["name"].names}
        for name_id in (1, 3, 4, 6, 16, 17):
            assert "nanum" not in names.get(name_id, "").lower() and "나눔" not in names.get(name_id, "")
        assert names[1] == "Beacon Report Gothic"
        assert "NAVER" in names[13] or "NHN" in names[0]
        assert "Open Font License" in names[13]
