"""The priority matrix and SLA editors driven through their real widgets, then checked through the
workflow: a new incident's grade follows the edited grid, its clocks follow the edited targets, and
the deadline preview moves with own and public holidays. These screens open no modal dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QSpinBox, QTableWidgetItem

from desktop.errors import BeaconError
from desktop.models import Incident, SlaClock
from desktop.views.admin import AdminPage
from desktop.views.admin.priority import PriorityMatrixEditor
from desktop.views.admin.sla import SlaEditor
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.admin import policy as ap
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from tests.bank import seoul
from tests.factories import set_every_password
from tests.gui.admin_kit import client_bank


def _prepare(bank) -> None:
    set_every_password("pw")


@pytest.fixture
def bank(tmp_path):
    yield from client_bank(tmp_path, prepare=_prepare)


@pytest.fixture
def english():
    install_language("en")
    yield
    install_language("ko")


def admin_session(bank, language: str = "en") -> ClientSession:
    return ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language=language)


def register(bank, urgency: str = "high", now=None) -> Incident:
    r = cs.register_incident(actor_id=bank.id("customer"), title="로그인 지연", description="-",
                             application_id=bank.app.id, urgency=urgency, incident_type="application", now=now)
    return Incident.get(Incident.case == r.case_id)


def matrix_editor(qtbot, bank) -> PriorityMatrixEditor:
    editor = PriorityMatrixEditor(admin_session(bank))
    qtbot.addWidget(editor)
    return editor


def cell(editor: PriorityMatrixEditor, row: int, column: int) -> QComboBox:
    widget = editor.grid.cellWidget(row, column)  # the grid's current combo (rebuilt ones await deletion)
    assert isinstance(widget, QComboBox)
    return widget


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# --- priority matrix ----------------------------------------------------------------------

def test_editing_the_grid_shows_the_impact_then_a_new_incident_gets_the_new_grade(qtbot, bank, english):
    register(bank)
    register(bank)
    editor = matrix_editor(qtbot, bank)
    assert "Open incidents now: 2" in editor.preview.text()
    assert "different grade if registered under this matrix: 0" in editor.preview.text()
    high_high = cell(editor, 0, 0)
    high_high.setCurrentIndex(high_high.findText("Grade 2 (high)"))
    assert "different grade if registered under this matrix: 2" in editor.preview.text()
    assert "High × High: Grade 1 (critical) → Grade 2 (high) (2 incident(s))" in editor.preview.text()
    assert register(bank).grade.level == 1  # nothing is saved before Save
    click(qtbot, editor.save_button)
    assert editor.message.text() == "Saved. New incidents are graded with this matrix."
    assert "Open incidents now: 3" in editor.preview.text()  # read again on saving
    assert register(bank).grade.level == 2


def test_a_colleagues_new_incident_updates_the_preview_and_keeps_the_edit(qtbot, bank, english):
    editor = matrix_editor(qtbot, bank)
    high_high = cell(editor, 0, 0)
    high_high.setCurrentIndex(high_high.findText("Grade 2 (high)"))
    register(bank)  # another client registers; the main window then refreshes every built page
    editor.refresh()
    assert cell(editor, 0, 0).currentText() == "Grade 2 (high)"
    assert "Open incidents now: 1" in editor.preview.text()
    assert "High × High: Grade 1 (critical) → Grade 2 (high) (1 incident(s))" in editor.preview.text()
    click(qtbot, editor.revert_button)
    assert cell(editor, 0, 0).currentText() == "Grade 1 (critical)"


def test_a_level_in_use_cannot_be_removed_but_an_unused_one_can(qtbot, bank, english):
    register(bank, urgency="low")
    editor = matrix_editor(qtbot, bank)
    urgencies = editor.urgency_table
    urgencies.table.selectRow(2)
    click(qtbot, urgencies.remove_button)
    assert "The urgency level 'Low' cannot be removed: 1 open incident(s) use it" in editor.message.text()
    assert urgencies.table.rowCount() == 3 and editor.grid.rowCount() == 3
    urgencies.table.selectRow(1)
    click(qtbot, urgencies.remove_button)
    assert urgencies.table.rowCount() == 2 and editor.grid.rowCount() == 2
    click(qtbot, editor.save_button)
    assert [u.code for u in ap.read_matrix().urgencies] == ["high", "low"]
    with pytest.raises(BeaconError, match="unknown urgency medium"):  # gone for registration too
        register(bank, urgency="medium")


def test_a_grade_still_chosen_in_the_grid_is_not_removed(qtbot, bank, english):
    editor = matrix_editor(qtbot, bank)
    editor.grade_table.table.selectRow(3)
    click(qtbot, editor.grade_table.remove_button)
    assert "still chosen in the matrix" in editor.message.text()
    assert editor.grade_table.table.rowCount() == 4


def test_a_level_added_and_named_in_place_grades_new_incidents(qtbot, bank, english):
    editor = matrix_editor(qtbot, bank)
    click(qtbot, editor.urgency_table.add_button)
    table = editor.urgency_table.table
    assert table.rowCount() == 4 and editor.grid.rowCount() == 4
    table.item(3, 0).setText("사소함")
    table.item(3, 1).setText("Trivial")
    assert editor.grid.verticalHeaderItem(3).text() == "Trivial"
    for column in range(3):
        assert cell(editor, 3, column).currentText() == "Grade 4 (low)"  # a new row starts least severe
    trivial_high = cell(editor, 3, 0)
    trivial_high.setCurrentIndex(trivial_high.findText("Grade 3 (medium)"))
    click(qtbot, editor.save_button)
    assert register(bank, urgency="trivial").grade.level == 3


def test_an_unnamed_level_is_refused_with_a_message_and_nothing_is_saved(qtbot, bank, english):
    editor = matrix_editor(qtbot, bank)
    editor.impact_table.table.item(0, 1).setText("")
    click(qtbot, editor.save_button)
    assert editor.message.text() == "Give impact level number 1 both a Korean and an English name."
    assert ap.read_matrix().impacts[0].name_en == "High"


def test_the_matrix_screen_speaks_korean(qtbot, bank):
    install_language("ko")
    register(bank, urgency="low")
    editor = PriorityMatrixEditor(admin_session(bank, "ko"))
    qtbot.addWidget(editor)
    assert editor.title() == "우선순위 매트릭스"
    assert "현재 열린 장애: 1" in editor.preview.text()
    editor.urgency_table.table.selectRow(2)
    click(qtbot, editor.urgency_table.remove_button)
    assert "긴급도 '낮음'은(는) 삭제할 수 없습니다: 열린 장애 1건" in editor.message.text()


def test_the_administration_page_offers_both_screens(qtbot, bank, english):
    page = AdminPage(admin_session(bank))
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Priority matrix" in titles and "SLA and calendars" in titles


# --- SLA targets, calendars, deadline preview ---------------------------------------------------

def sla_editor(qtbot, bank) -> SlaEditor:
    editor = SlaEditor(admin_session(bank))
    qtbot.addWidget(editor)
    return editor


def spin(editor: SlaEditor, row: int, column: int) -> QSpinBox:
    widget = editor.targets_table.cellWidget(row, column)
    assert isinstance(widget, QSpinBox)
    return widget


def preview_at(editor: SlaEditor, grade_row: int, y: int, m: int, d: int, hh: int, mm: int = 0) -> None:
    editor.preview_grade.setCurrentIndex(grade_row)
    editor.preview_at.setDateTime(QDateTime(QDate(y, m, d), QTime(hh, mm)))


def use_calendar(editor: SlaEditor, code: str) -> None:
    editor.calendar_picker.setCurrentIndex(editor.calendar_picker.findData(code))


def test_a_target_changed_on_screen_applies_to_new_incidents_clocks(qtbot, bank, english):
    earlier = register(bank)
    editor = sla_editor(qtbot, bank)
    spin(editor, 0, 1).setValue(25)
    assert editor.targets_table.item(0, 5).text() == "25m / 4h (wall clock)"
    click(qtbot, editor.save_targets_button)
    assert editor.targets_message.text() == "Saved. Incidents registered from now on use these targets."
    later = register(bank)

    def response(incident) -> int:
        return SlaClock.get((SlaClock.case == incident.case_id) & (SlaClock.kind == "response")).target_minutes

    assert (response(earlier), response(later)) == (10, 25)


def test_a_live_refresh_keeps_the_targets_and_calendar_being_edited(qtbot, bank, english):
    editor = sla_editor(qtbot, bank)
    use_calendar(editor, "kr_business")
    spin(editor, 2, 1).setValue(90)
    editor.hours_table.setItem(5, 0, QTableWidgetItem("09:00-13:00"))
    editor.refresh()
    assert spin(editor, 2, 1).value() == 90
    assert editor.hours_table.item(5, 0).text() == "09:00-13:00"
    click(qtbot, editor.findChild(type(editor.save_targets_button), "revert_targets"))
    assert spin(editor, 2, 1).value() == 120


def test_a_response_longer_than_the_resolution_is_refused(qtbot, bank, english):
    editor = sla_editor(qtbot, bank)
    spin(editor, 1, 1).setValue(900)
    click(qtbot, editor.save_targets_button)
    assert editor.targets_message.text() == \
        "Grade 2 (high): the response target cannot be longer than the resolution target"
    assert ap.read_sla_targets()[1].response_minutes == 30


def test_an_own_holiday_added_on_the_month_view_moves_the_preview_deadline(qtbot, bank, english):
    editor = sla_editor(qtbot, bank)
    use_calendar(editor, "kr_business")
    preview_at(editor, 2, 2026, 3, 4, 17)  # grade 3, Wednesday 17:00 Seoul
    assert editor.preview_response.text().startswith("2026-03-05 (Thu) 10:00")
    editor.month.setSelectedDate(QDate(2026, 3, 5))
    editor.day_name.setText("창립기념일")
    click(qtbot, editor.findChild(type(editor.save_targets_button), "add_holiday"))
    assert editor.preview_response.text().startswith("2026-03-06 (Fri) 10:00")
    editor.month.setCurrentPage(2026, 3)
    assert editor.month.dateTextFormat(QDate(2026, 3, 5)).toolTip() == "창립기념일"
    days = [(editor.days_table.item(r, 0).text(), editor.days_table.item(r, 2).text())
            for r in range(editor.days_table.rowCount())]
    assert ("2026-03-05 (Thu)", "Own holiday") in days
    click(qtbot, editor.findChild(type(editor.save_targets_button), "save_calendar"))
    assert editor.calendar_message.text() == "Calendar saved. Clocks started from now on use it."
    assert ap.stored_deadline(grade=3, registered_at=seoul(2026, 3, 4, 17)).response_due == seoul(2026, 3, 6, 10)


def test_chuseok_is_shown_as_public_and_honoured_and_cannot_be_removed(qtbot, bank, english):
    editor = sla_editor(qtbot, bank)
    use_calendar(editor, "kr_business")
    preview_at(editor, 2, 2026, 9, 23, 17)
    assert editor.preview_response.text().startswith("2026-09-28 (Mon) 10:00")
    assert "Counts business time" in editor.preview_mode.text()
    editor.month.setCurrentPage(2026, 9)
    assert editor.month.dateTextFormat(QDate(2026, 9, 25)).toolTip() == "추석"
    rows = {editor.days_table.item(r, 1).text(): r for r in range(editor.days_table.rowCount())}
    assert editor.days_table.item(rows["추석"], 2).text() == "Public holiday"
    editor.days_table.selectRow(rows["추석"])
    click(qtbot, editor.findChild(type(editor.save_targets_button), "remove_day"))
    assert "cannot be removed" in editor.calendar_message.text()
    editor.cal_public.setChecked(False)  # without public holidays the 24th is an ordinary Thursday
    assert editor.preview_response.text().startswith("2026-09-24 (Thu) 10:00")


def test_unreadable_working_hours_are_explained_and_not_saved(qtbot, bank, english):
    editor = sla_editor(qtbot, bank)
    use_calendar(editor, "kr_business")
    editor.hours_table.setItem(0, 0, QTableWidgetItem("9 to 6"))
    assert "Cannot read the working hours '9 to 6' for Monday" in editor.calendar_message.text()
    click(qtbot, editor.findChild(type(editor.save_targets_button), "save_calendar"))
    assert "Cannot read the working hours" in editor.calendar_message.text()
    assert next(c for c in ap.list_calendars() if c.code == "kr_business").hours["mon"] == "09:00-18:00"


def test_a_new_calendar_made_on_screen_can_be_chosen_for_a_grade(qtbot, bank, english):
    editor = sla_editor(qtbot, bank)
    click(qtbot, editor.findChild(type(editor.save_targets_button), "new_calendar"))
    editor.cal_name.setText("토요 근무")
    editor.cal_name_en.setText("Saturday shift")
    editor.cal_name.textEdited.emit("토요 근무")
    editor.hours_table.setItem(5, 0, QTableWidgetItem("09:00-13:00"))
    click(qtbot, editor.findChild(type(editor.save_targets_button), "save_calendar"))
    assert editor.calendar_picker.currentText() == "Saturday shift"
    combo = editor.targets_table.cellWidget(3, 3)
    combo.setCurrentIndex(combo.findText("Saturday shift"))
    click(qtbot, editor.save_targets_button)
    assert ap.read_sla_targets()[3].calendar == "saturday_shift"
